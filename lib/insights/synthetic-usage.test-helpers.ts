// Synthetic daily usage for the detector tests: clean features with natural
// day-to-day noise, priced with the shipped catalog, to which a test plants
// the waste a detector must find.
import { PriceBook } from "@/lib/pricing/price-book";
import { costOfUsage } from "@/lib/pricing/cost-of-usage";
import type { ModelPrice } from "@/lib/pricing/types";
import { aroundMedian, mulberry32, type Random } from "@/lib/seed/prng";
import { ROUTINE_MODELS } from "./routine-models";
import type { Candidate } from "./detect-right-sizing";
import { DAY_MS, type DayCell, type Window } from "./types";

export const END = Date.UTC(2026, 10, 1);
const book = PriceBook.fromCatalogFile();

export function priceOf(provider: string, model: string): ModelPrice | null {
  return book.resolve({ provider, model, at: new Date(END) });
}

export const candidates: Candidate[] = ROUTINE_MODELS.flatMap((c) => {
  const price = priceOf(c.provider, c.model);
  return price ? [{ ...c, price }] : [];
});

export type FeatureTraffic = {
  team: string;
  feature: string;
  provider: string;
  model: string;
  callsPerDay: number;
  inputPerCall: number;
  outputPerCall: number;
  /** Share of input read from the provider's prompt cache. */
  cachedShare?: number;
  /** Changes a day's traffic (planting a spike, a model switch, growth). */
  day?: (index: number, t: Omit<FeatureTraffic, "day">) => Partial<FeatureTraffic>;
};

/** A varied, clean organisation: routine work on small models, heavy work on large ones. */
export const CLEAN_FEATURES: FeatureTraffic[] = [
  { team: "search", feature: "query-rewrite", provider: "openai", model: "gpt-4.1-nano", callsPerDay: 900, inputPerCall: 300, outputPerCall: 40 },
  { team: "search", feature: "answer", provider: "anthropic", model: "claude-sonnet-4", callsPerDay: 400, inputPerCall: 9_000, outputPerCall: 700 },
  { team: "support", feature: "ticket-triage", provider: "anthropic", model: "claude-haiku-4-5", callsPerDay: 500, inputPerCall: 900, outputPerCall: 8 },
  { team: "support", feature: "reply-drafts", provider: "openai", model: "gpt-4.1-mini", callsPerDay: 300, inputPerCall: 2_500, outputPerCall: 220, cachedShare: 0.4 },
  { team: "growth", feature: "email-copy", provider: "google", model: "gemini-2.5-flash", callsPerDay: 200, inputPerCall: 900, outputPerCall: 350 },
  { team: "platform", feature: "code-review", provider: "anthropic", model: "claude-sonnet-4", callsPerDay: 120, inputPerCall: 12_000, outputPerCall: 900 },
  { team: "legal", feature: "contract-review", provider: "anthropic", model: "claude-opus-4-1", callsPerDay: 30, inputPerCall: 40_000, outputPerCall: 1_500 },
  { team: "data", feature: "labeling", provider: "google", model: "gemini-2.0-flash", callsPerDay: 800, inputPerCall: 600, outputPerCall: 30 },
];

/** `days` UTC days of daily cells ending at END, with ±10 % noise on volume and tokens. */
export function makeCells(features: readonly FeatureTraffic[], days: number, seed = 1): DayCell[] {
  const random: Random = mulberry32(seed);
  const cells: DayCell[] = [];
  for (let i = 0; i < days; i++) {
    const day = END - (days - i) * DAY_MS;
    for (const base of features) {
      const t = { ...base, ...base.day?.(i, base) };
      const price = priceOf(t.provider, t.model);
      if (!price) throw new Error(`no price for ${t.provider}/${t.model}`);
      const events = Math.max(1, Math.round(aroundMedian(random, t.callsPerDay, 0.1)));
      const inputTokens = Math.round(events * aroundMedian(random, t.inputPerCall, 0.05));
      const outputTokens = Math.round(events * aroundMedian(random, t.outputPerCall, 0.05));
      const cachedInputTokens = Math.round(inputTokens * (t.cachedShare ?? 0));
      const usage = { inputTokens, outputTokens, cachedInputTokens, cacheWriteTokens: 0, reasoningTokens: 0 };
      cells.push({ day, team: t.team, feature: t.feature, provider: t.provider, model: t.model, events, cacheHits: 0, ...usage, cost: costOfUsage(usage, price), saved: 0n });
    }
  }
  return cells;
}

export const windowOf = (days: number): Window => ({ from: END - days * DAY_MS, to: END });
