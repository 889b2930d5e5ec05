// Prompt bloat: input tokens per call rising week after week in a feature
// (context stuffed into every call, growing histories, retrieval returning
// more and more). Theil–Sen over weekly means, so one odd week does not make
// a trend; the saving is the growth's input tokens priced at the feature's
// input prices, at the current volume.
import { formatUsd } from "@/lib/money";
import type { ModelPrice } from "@/lib/pricing/types";
import { theilSen } from "./robust-stats";
import { DAY_MS, type DayCell, type Insight, MONTH_DAYS, usd, type Window } from "./types";

export const PROMPT_BLOAT = {
  weeks: 8,
  minWeeks: 4,
  minCallsPerWeek: 50,
  /** Growth of the fitted tokens per call from the first to the last week. */
  minGrowth: 0.3,
  /** Share of week pairs that must rise. */
  minRising: 0.75,
  minMonthlySavings: 1_000_000_000n,
};

type Week = { calls: number; input: number; byModel: Map<string, { provider: string; model: string; calls: number }> };

export function detectPromptBloat(input: { cells: readonly DayCell[]; window: Window; priceOf: (provider: string, model: string) => ModelPrice | null }): Insight[] {
  const weekOf = (day: number) => Math.floor((input.window.to - 1 - day) / (7 * DAY_MS)); // 0 = the last week
  const series = new Map<string, { team: string; feature: string; weeks: Map<number, Week> }>();
  for (const c of input.cells) {
    const w = weekOf(c.day);
    if (w < 0 || w >= PROMPT_BLOAT.weeks) continue;
    const key = `${c.team}\u0000${c.feature}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { team: c.team, feature: c.feature, weeks: new Map() }));
    let week = s.weeks.get(w);
    if (!week) s.weeks.set(w, (week = { calls: 0, input: 0, byModel: new Map() }));
    const calls = c.events - c.cacheHits;
    week.calls += calls;
    week.input += c.inputTokens;
    const m = `${c.provider}\u0000${c.model}`;
    const entry = week.byModel.get(m) ?? { provider: c.provider, model: c.model, calls: 0 };
    entry.calls += calls;
    week.byModel.set(m, entry);
  }

  const out: Insight[] = [];
  for (const s of series.values()) {
    const weeks = [...s.weeks.entries()].filter(([, w]) => w.calls >= PROMPT_BLOAT.minCallsPerWeek).sort((a, b) => b[0] - a[0]);
    if (weeks.length < PROMPT_BLOAT.minWeeks) continue;
    const points = weeks.map(([index, w]) => [-index, w.input / w.calls] as const);
    const fit = theilSen(points);
    const firstX = points[0][0];
    const lastX = points[points.length - 1][0];
    const start = fit.intercept + fit.slope * firstX;
    const end = fit.intercept + fit.slope * lastX;
    if (start <= 0 || (end - start) / start < PROMPT_BLOAT.minGrowth || fit.rising < PROMPT_BLOAT.minRising) continue;

    const last = weeks[weeks.length - 1][1];
    const extra = end - start;
    let weekly = 0;
    for (const m of last.byModel.values()) {
      const price = input.priceOf(m.provider, m.model);
      if (price) weekly += m.calls * extra * Number(price.inputPerMTok) / 1e6;
    }
    const monthlySavings = BigInt(Math.round((weekly * MONTH_DAYS) / 7));
    if (monthlySavings < PROMPT_BLOAT.minMonthlySavings) continue;
    const growth = (end - start) / start;
    out.push({
      id: `prompt_bloat:${s.team}:${s.feature}`,
      kind: "prompt_bloat",
      team: s.team,
      feature: s.feature,
      title: `Prompts of ${s.feature} keep growing`,
      message:
        `Input tokens per call of ${s.feature} (${s.team}) grew ${(growth * 100).toFixed(0)} % over ${weeks.length} weeks, ` +
        `from about ${Math.round(start).toLocaleString("en")} to ${Math.round(end).toLocaleString("en")}. ` +
        `At today's volume the extra input costs about ${usd(monthlySavings)} a month.`,
      monthlySavings,
      atStake: monthlySavings,
      evidence: {
        weeks: weeks.map(([index, w]) => ({ weeksAgo: index, calls: w.calls, inputTokensPerCall: Math.round(w.input / w.calls) })),
        startTokensPerCall: Math.round(start),
        endTokensPerCall: Math.round(end),
        growth: Number(growth.toFixed(3)),
        extraMonthlyCostUsd: formatUsd(monthlySavings),
      },
    });
  }
  return out;
}
