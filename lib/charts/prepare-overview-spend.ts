// Daily spend of the last 90 days, ready to draw (pure). Spend is additive,
// so the days arrive zero-filled and stay so; today is partial and says so.
// Numbers are made only for drawing; the table fallback keeps exact money
// formatted from the decimal strings.
import { formatMoney } from "@/lib/format";

export type OverviewSpendPoint = { date: string; label: string; spend: number };

export type OverviewSpendChart = {
  points: OverviewSpendPoint[];
  rows: { date: string; spend: string }[];
  color: string;
  /** Why there is nothing to draw, or null when there is. */
  empty: string | null;
};

export const OVERVIEW_SPEND_COLOR = "#1f4e79";

function dayLabel(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" }).format(new Date(Date.UTC(year, month - 1, day)));
}

export function prepareOverviewSpend(daily: readonly { date: string; costUsd: string }[], scope: string): OverviewSpendChart {
  const last = daily.length - 1;
  const points = daily.map((d, i) => ({ date: d.date, label: i === last ? `${dayLabel(d.date)} (so far)` : dayLabel(d.date), spend: Number(d.costUsd) }));
  const rows = daily.map((d, i) => ({ date: i === last ? `${d.date} (so far)` : d.date, spend: formatMoney(d.costUsd) }));
  const empty = daily.every((d) => /^0(\.0*)?$/.test(d.costUsd))
    ? `No spend recorded in the last ${daily.length} days in ${scope}. Services send usage to POST /api/v1/events.`
    : null;
  return { points, rows, color: OVERVIEW_SPEND_COLOR, empty };
}
