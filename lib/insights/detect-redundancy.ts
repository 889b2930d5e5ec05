// Redundancy: the same prompt (promptHash) sent again and again. For each
// (team, feature) of the detail window: the repeated share, what an exact
// cache would have saved (the cost of every call whose prompt an earlier
// call already sent), what the application's cache already saved (cacheHit
// events), and the provider prompt-caching uptake (cached share of input)
// where the model has a cached-input price.
import { formatUsd } from "@/lib/money";
import type { ModelPrice } from "@/lib/pricing/types";
import { type DayCell, type Insight, perMonth, type PromptRepeats, usd, type Window, windowDays } from "./types";

export const REDUNDANCY = {
  minRepeatedShare: 0.1,
  minHashedCalls: 200,
  minMonthlySavings: 500_000_000n,
};

export type RedundancyInput = {
  repeats: readonly PromptRepeats[];
  /** The window `repeats` were counted over. */
  window: Window;
  /** Daily cells of the same window: cache hits, savings and cached input. */
  cells: readonly DayCell[];
  priceOf: (provider: string, model: string) => ModelPrice | null;
};

type CacheUse = { saved: bigint; cacheHits: number; input: number; cachedInput: number; cachableInput: number };

function cacheUse(cells: readonly DayCell[], priceOf: RedundancyInput["priceOf"]): Map<string, CacheUse> {
  const byFeature = new Map<string, CacheUse>();
  const supports = new Map<string, boolean>();
  for (const c of cells) {
    const key = `${c.team}\u0000${c.feature}`;
    const use = byFeature.get(key) ?? { saved: 0n, cacheHits: 0, input: 0, cachedInput: 0, cachableInput: 0 };
    byFeature.set(key, use);
    use.saved += c.saved;
    use.cacheHits += c.cacheHits;
    use.input += c.inputTokens;
    use.cachedInput += c.cachedInputTokens;
    const model = `${c.provider}\u0000${c.model}`;
    if (!supports.has(model)) {
      const price = priceOf(c.provider, c.model);
      supports.set(model, price?.cachedInputPerMTok != null && price.cachedInputPerMTok < price.inputPerMTok);
    }
    if (supports.get(model)) use.cachableInput += c.inputTokens;
  }
  return byFeature;
}

export function detectRedundancy(input: RedundancyInput): Insight[] {
  const days = windowDays(input.window);
  const uses = cacheUse(input.cells, input.priceOf);
  const out: Insight[] = [];
  for (const r of input.repeats) {
    if (r.hashedCalls < REDUNDANCY.minHashedCalls) continue;
    const share = r.repeatedCalls / r.hashedCalls;
    const monthlySavings = perMonth(r.repeatedCost, days);
    if (share < REDUNDANCY.minRepeatedShare || monthlySavings < REDUNDANCY.minMonthlySavings) continue;
    const use = uses.get(`${r.team}\u0000${r.feature}`);
    const savedMonthly = perMonth(use?.saved ?? 0n, days);
    const uptake = use && use.cachableInput > 0 ? use.cachedInput / use.cachableInput : null;
    const percent = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)} %`;
    out.push({
      id: `redundancy:${r.team}:${r.feature}`,
      kind: "redundancy",
      team: r.team,
      feature: r.feature,
      title: `Cache repeated prompts of ${r.feature}`,
      message:
        `${percent(share)} of ${r.feature}'s calls (${r.team}) repeat a prompt already sent in the last ${Math.round(days)} days. ` +
        `An exact-match cache would save about ${usd(monthlySavings)} a month` +
        (use && use.cacheHits > 0 ? `; the application cache already saves ${usd(savedMonthly)} a month.` : "; no call is answered from a cache today.") +
        (uptake !== null && uptake < 0.1 ? ` Provider prompt caching is barely used (${percent(uptake)} of input).` : ""),
      monthlySavings,
      atStake: monthlySavings,
      evidence: {
        windowDays: Math.round(days),
        hashedCalls: r.hashedCalls,
        repeatedCalls: r.repeatedCalls,
        repeatedShare: Number(share.toFixed(4)),
        exactCacheMonthlySavingsUsd: formatUsd(monthlySavings),
        cacheHits: use?.cacheHits ?? 0,
        cacheMonthlySavedUsd: formatUsd(savedMonthly),
        promptCachingUptake: uptake === null ? null : Number(uptake.toFixed(4)),
      },
    });
  }
  return out;
}
