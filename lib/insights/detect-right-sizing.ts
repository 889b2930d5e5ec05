// Right-sizing: features whose calls look like routine work (short outputs,
// modest prompts, steady volume) on an expensive model. Each finding prices
// the feature's actual token mix on cheaper candidates (the same provider
// first, then others) and estimates the monthly saving of the best one.
import { formatUsd } from "@/lib/money";
import { costOfUsage } from "@/lib/pricing/cost-of-usage";
import type { ModelPrice, Usage } from "@/lib/pricing/types";
import { type DayCell, type Insight, perMonth, ceilDollars, usd, type Window, windowDays } from "./types";

export const RIGHT_SIZING = {
  /** Visible output tokens per call at most (reasoning excluded). */
  maxOutputPerCall: 400,
  maxInputPerCall: 8_000,
  minCallsPerDay: 10,
  /** A candidate must cost at most this share of the current model on the same tokens. */
  maxCostRatio: 0.5,
  minMonthlySavings: 1_000_000_000n,
  candidates: 3,
};

export type Candidate = { provider: string; model: string; price: ModelPrice };

export type RightSizingInput = {
  cells: readonly DayCell[];
  window: Window;
  /** The price in force now of a (provider, model), or null when unknown. */
  priceOf: (provider: string, model: string) => ModelPrice | null;
  /** Cheaper models to propose, already priced. */
  candidates: readonly Candidate[];
  /** Cost per outcome of a model on a feature, where ROI data exists. */
  costPerOutcome?: (feature: string, model: string) => bigint | null;
};

type Group = { team: string; feature: string; provider: string; model: string; usage: Usage; calls: number; cost: bigint };

function groupCells(cells: readonly DayCell[]): Group[] {
  const groups = new Map<string, Group>();
  for (const c of cells) {
    const key = `${c.team}\u0000${c.feature}\u0000${c.provider}\u0000${c.model}`;
    let g = groups.get(key);
    if (!g) {
      g = { team: c.team, feature: c.feature, provider: c.provider, model: c.model, calls: 0, cost: 0n,
            usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 } };
      groups.set(key, g);
    }
    // cache hits cost nothing and would answer from the cache on any model
    g.calls += c.events - c.cacheHits;
    g.cost += c.cost;
    g.usage.inputTokens += c.inputTokens;
    g.usage.outputTokens += c.outputTokens;
    g.usage.cachedInputTokens += c.cachedInputTokens;
    g.usage.cacheWriteTokens += c.cacheWriteTokens;
    g.usage.reasoningTokens += c.reasoningTokens;
  }
  return [...groups.values()];
}

const isRoutine = (price: ModelPrice, candidates: readonly Candidate[]) =>
  candidates.some((c) => c.price.provider === price.provider && c.price.model === price.model);

export function detectRightSizing(input: RightSizingInput): Insight[] {
  const days = windowDays(input.window);
  const out: Insight[] = [];
  for (const g of groupCells(input.cells)) {
    if (g.calls <= 0 || g.cost <= 0n || g.calls / days < RIGHT_SIZING.minCallsPerDay) continue;
    const inputPerCall = g.usage.inputTokens / g.calls;
    const outputPerCall = (g.usage.outputTokens - g.usage.reasoningTokens) / g.calls;
    if (inputPerCall > RIGHT_SIZING.maxInputPerCall || outputPerCall > RIGHT_SIZING.maxOutputPerCall) continue;
    const current = input.priceOf(g.provider, g.model);
    if (!current || isRoutine(current, input.candidates)) continue;

    const priced = input.candidates
      .map((c) => ({ ...c, cost: costOfUsage(g.usage, c.price) }))
      .filter((c) => Number(c.cost) <= Number(g.cost) * RIGHT_SIZING.maxCostRatio);
    const sameProvider = (c: Candidate) => c.price.provider === current.provider;
    priced.sort((a, b) => Number(sameProvider(b)) - Number(sameProvider(a)) || (a.cost < b.cost ? -1 : a.cost > b.cost ? 1 : 0));
    const options = priced.slice(0, RIGHT_SIZING.candidates);
    const best = options[0];
    if (!best) continue;
    const monthlyCost = perMonth(g.cost, days);
    const monthlySavings = perMonth(g.cost - best.cost, days);
    if (monthlySavings < RIGHT_SIZING.minMonthlySavings) continue;

    const roi = input.costPerOutcome;
    const outcomeCost = (model: string) => {
      const value = roi?.(g.feature, model);
      return value == null ? null : formatUsd(value);
    };
    out.push({
      id: `right_size:${g.team}:${g.feature}:${g.model}`,
      kind: "right_size",
      team: g.team,
      feature: g.feature,
      model: g.model,
      title: `Right-size ${g.feature}: ${g.model} → ${best.model}`,
      message:
        `${g.feature} (${g.team}) sends ${Math.round(g.calls / days).toLocaleString("en")} routine calls a day ` +
        `(${Math.round(inputPerCall).toLocaleString("en")} input / ${Math.round(outputPerCall).toLocaleString("en")} output tokens on average) to ${g.model}, ` +
        `${usd(monthlyCost)} a month. The same tokens on ${best.model} would cost ${usd(perMonth(best.cost, days))}: about ${usd(monthlySavings)} a month less.`,
      monthlySavings,
      atStake: monthlyCost,
      evidence: {
        provider: g.provider,
        callsPerDay: Math.round(g.calls / days),
        inputTokensPerCall: Math.round(inputPerCall),
        outputTokensPerCall: Math.round(outputPerCall),
        monthlyCostUsd: formatUsd(monthlyCost),
        costPerOutcomeUsd: outcomeCost(g.model),
        candidates: options.map((c) => ({
          provider: c.price.provider,
          model: c.model,
          monthlyCostUsd: formatUsd(perMonth(c.cost, days)),
          monthlySavingsUsd: formatUsd(perMonth(g.cost - c.cost, days)),
          costPerOutcomeUsd: outcomeCost(c.model),
        })),
      },
      action: {
        type: "create_budget",
        label: `Downgrade ${g.feature} to ${best.model} above ${usd(perMonth(best.cost, days))} a month`,
        budget: {
          name: `Right-size ${g.feature}`,
          scope: { type: "feature", value: g.feature },
          period: "month",
          limitUsd: formatUsd(ceilDollars(perMonth(best.cost, days))),
          mode: "hard",
          action: "downgrade",
          downgradeTo: best.model,
        },
      },
    });
  }
  return out;
}
