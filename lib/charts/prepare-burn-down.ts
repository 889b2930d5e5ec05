// A budget's burn-down, ready to draw (pure). Cumulative actual spend per
// local day, the limit, and the forecast from today to the period end.
// - actual: zero-filled (spend is additive, an empty day adds 0); null for
//   days that have not begun (the future is unknown, not zero).
// - forecast: null before today; today it starts at today's actual, then
//   moves in a straight line (the linear run rate) to the forecast at period
//   end, each day valued at its end. Null everywhere when there is no forecast.
// Sums are exact (bigint nano-dollars); numbers are made only for drawing.
import { formatMoney } from "@/lib/format";
import { formatUsd, parseUsd } from "@/lib/money";
import type { BudgetBurnDto } from "@/lib/schemas/budget-reads";

export type BurnDownPoint = { date: string; label: string; actual: number | null; forecast: number | null; limit: number };

/** One row of the table fallback, already formatted. */
export type BurnDownRow = { date: string; actual: string; forecast: string; limit: string };

export type BurnDownSeries = { key: "actual" | "forecast" | "limit"; name: string; color: string; dashed: boolean };

export type BurnDownChart = {
  points: BurnDownPoint[];
  rows: BurnDownRow[];
  series: BurnDownSeries[];
  /** Why there is nothing to draw, or null when there is. */
  empty: string | null;
};

export const BURN_DOWN_SERIES: BurnDownSeries[] = [
  { key: "actual", name: "Actual (cumulative)", color: "#1f4e79", dashed: false },
  { key: "forecast", name: "Forecast", color: "#9a6200", dashed: true },
  { key: "limit", name: "Limit", color: "#b42318", dashed: false },
];

const toNumber = (nanos: bigint) => Number(formatUsd(nanos));

function dayLabel(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" }).format(new Date(Date.UTC(year, month - 1, day)));
}

export function prepareBurnDown(burn: BudgetBurnDto): BurnDownChart {
  const asOf = new Date(burn.asOf).getTime();
  const periodEnd = new Date(burn.periodEnd).getTime();
  const limit = toNumber(parseUsd(burn.limitUsd));
  const started = burn.days.map((d) => new Date(d.start).getTime() <= asOf);
  const today = started.lastIndexOf(true);

  let running = 0n;
  const actual = burn.days.map((d, i) => {
    running += parseUsd(d.spentUsd);
    return started[i] ? toNumber(running) : null;
  });

  const soFar = today >= 0 ? (actual[today] ?? 0) : 0;
  const atEnd = burn.forecastUsd === null ? null : toNumber(parseUsd(burn.forecastUsd));
  const forecast = burn.days.map((_, i) => {
    if (atEnd === null || i < today) return null;
    if (i === today) return soFar;
    const dayEnd = i + 1 < burn.days.length ? new Date(burn.days[i + 1].start).getTime() : periodEnd;
    return soFar + ((atEnd - soFar) * (dayEnd - asOf)) / (periodEnd - asOf);
  });

  const points = burn.days.map((d, i) => ({ date: d.date, label: dayLabel(d.date), actual: actual[i], forecast: forecast[i], limit }));
  const money = (value: number | null) => (value === null ? "—" : formatMoney(value.toFixed(9)));
  const rows = points.map((p) => ({ date: p.date, actual: money(p.actual), forecast: money(p.forecast), limit: money(p.limit) }));
  const empty = parseUsd(burn.spentUsd) === 0n ? `No spend in this budget's scope since ${burn.days[0]?.date ?? burn.periodStart}: nothing to draw yet.` : null;
  return { points, rows, series: BURN_DOWN_SERIES, empty };
}
