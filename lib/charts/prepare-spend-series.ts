// Spend per group key over time, ready to draw and to tabulate (pure).
// - Chart: the `top` most expensive keys, the rest summed into "Other";
//   zero-filled over the union of bucket starts (spend is additive).
// - Table: every key, with its share of the total and its change against the
//   previous period of equal length. Ratios are null (shown as a gap, "—")
//   when their denominator is zero: no spend before is not "+∞ %", and no
//   requests is no cost per request.
// Money is summed and divided as bigint nano-dollars; numbers are made only
// for drawing and for percentages.
import { divRound, formatUsd, parseUsd } from "@/lib/money";
import type { GetSpendResponse, SpendInterval, SpendSeries } from "@/lib/schemas/spend";

export type SpendChartSeries = { dataKey: string; name: string; color: string };
export type SpendChartPoint = { t: string; label: string } & Record<string, number | string>;

export type SpendTableRow = {
  /** The group key as the API names it; null = events without that attribute. */
  key: string | null;
  name: string;
  costUsd: string;
  /** Percent of the total, two decimals; null when the total is zero. */
  share: number | null;
  /** Percent change against the previous period; null when it had no spend. */
  change: number | null;
  tokens: number;
  requests: number;
  /** Exact decimal string; null without requests. */
  costPer1kRequestsUsd: string | null;
};

export type SpendChart = {
  series: SpendChartSeries[];
  points: SpendChartPoint[];
  rows: SpendTableRow[];
  totalUsd: string;
  /** Why there is nothing to draw, or null when there is. */
  empty: string | null;
};

export const SPEND_COLORS = ["#1f4e79", "#2a9d8f", "#e76f51", "#8e5ea2", "#e9c46a", "#3c8dbc", "#b5651d", "#6a994e", "#d62828", "#457b9d"];
const OTHER_COLOR = "#9aa3ad";
export const DEFAULT_TOP = 8;

const LABEL_FORMAT: Record<SpendInterval, Intl.DateTimeFormatOptions> = {
  hour: { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  day: { month: "short", day: "numeric" },
  week: { month: "short", day: "numeric" },
  month: { month: "short", year: "numeric" },
};

export function keyName(key: string | null): string {
  return key ?? "(none)";
}

const seriesCost = (s: SpendSeries) => s.points.reduce((sum, p) => sum + parseUsd(p.costUsd), 0n);

/** Percent with two decimals, computed exactly then made a number. */
function percent(numerator: bigint, denominator: bigint): number | null {
  return denominator === 0n ? null : Number(divRound(numerator * 10_000n, denominator)) / 100;
}

function tableRows(current: SpendSeries[], previous: SpendSeries[] | null, total: bigint): SpendTableRow[] {
  const before = new Map((previous ?? []).map((s) => [s.key, seriesCost(s)]));
  return current
    .map((s) => {
      const cost = seriesCost(s);
      const tokens = s.points.reduce((sum, p) => sum + p.inputTokens + p.outputTokens, 0);
      const requests = s.points.reduce((sum, p) => sum + p.events, 0);
      const prev = previous ? (before.get(s.key) ?? 0n) : 0n;
      return {
        key: s.key,
        name: keyName(s.key),
        costUsd: formatUsd(cost),
        share: percent(cost, total),
        change: percent(cost - prev, prev),
        tokens,
        requests,
        costPer1kRequestsUsd: requests === 0 ? null : formatUsd(divRound(cost * 1000n, BigInt(requests))),
        cost,
      };
    })
    .sort((a, b) => (a.cost === b.cost ? a.name.localeCompare(b.name) : a.cost > b.cost ? -1 : 1))
    .map(({ cost: _cost, ...row }) => row);
}

export function prepareSpendSeries(input: { current: GetSpendResponse; previous: GetSpendResponse | null; top?: number }): SpendChart {
  const { current, previous, top = DEFAULT_TOP } = input;
  const total = parseUsd(current.totals.costUsd);
  const rows = tableRows(current.series, previous?.series ?? null, total);

  const byKey = new Map(current.series.map((s) => [s.key, s]));
  const ranked = rows.map((r) => byKey.get(r.key)!);
  const shown = ranked.length > top ? ranked.slice(0, top) : ranked;
  const rest = ranked.slice(shown.length);
  const series: SpendChartSeries[] = shown.map((s, i) => ({ dataKey: `s${i}`, name: keyName(s.key), color: SPEND_COLORS[i % SPEND_COLORS.length] }));
  if (rest.length > 0) series.push({ dataKey: "other", name: `Other (${rest.length})`, color: OTHER_COLOR });

  const times = [...new Set(current.series.flatMap((s) => s.points.map((p) => p.t)))].sort((a, b) => Date.parse(a) - Date.parse(b));
  const format = new Intl.DateTimeFormat("en-US", { ...LABEL_FORMAT[current.interval], timeZone: current.timeZone });
  const cost = (s: SpendSeries) => new Map(s.points.map((p) => [p.t, parseUsd(p.costUsd)]));
  const shownCosts = shown.map(cost);
  const restCosts = rest.map(cost);
  const points = times.map((t) => {
    const point: SpendChartPoint = { t, label: format.format(new Date(t)) };
    shownCosts.forEach((m, i) => {
      point[`s${i}`] = Number(formatUsd(m.get(t) ?? 0n));
    });
    if (rest.length > 0) point.other = Number(formatUsd(restCosts.reduce((sum, m) => sum + (m.get(t) ?? 0n), 0n)));
    return point;
  });

  const empty = current.series.length === 0 ? "No events match these filters in this period: nothing was spent, or the events were sent for other teams, models or features." : null;
  return { series, points, rows, totalUsd: formatUsd(total), empty };
}
