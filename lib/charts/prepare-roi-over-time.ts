// ROI over time (pure): one point per bucket. ROI is a ratio, so a bucket
// without cost or without known value is a gap (null), never 0; cost and
// value are additive and zero-filled. Lines are straight segments.
import { formatMoney } from "@/lib/format";
import type { RoiInterval, RoiPoint } from "@/lib/schemas/roi";
import { formatRoi } from "./prepare-roi-labels";

export type OverTimePoint = { t: string; label: string; roiPct: number | null; cost: number; value: number };
export type OverTimeRow = { t: string; label: string; roi: string; cost: string; value: string };

export type RoiOverTime = { points: OverTimePoint[]; rows: OverTimeRow[]; empty: string | null };

function labeller(interval: RoiInterval, timeZone: string): (iso: string) => string {
  const options: Intl.DateTimeFormatOptions =
    interval === "month" ? { month: "short", year: "numeric" } : interval === "hour" ? { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : { month: "short", day: "numeric" };
  const format = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
  return (iso) => format.format(new Date(iso));
}

export function prepareRoiOverTime(series: readonly RoiPoint[], interval: RoiInterval, timeZone: string): RoiOverTime {
  const label = labeller(interval, timeZone);
  const points = series.map((p) => ({
    t: p.t,
    label: label(p.t),
    roiPct: p.roi === null ? null : Math.round(p.roi * 10_000) / 100,
    cost: Number(p.costUsd),
    value: Number(p.valueUsd),
  }));
  const rows = series.map((p, i) => ({ t: p.t, label: points[i].label, roi: formatRoi(p), cost: formatMoney(p.costUsd), value: p.valueKnown ? formatMoney(p.valueUsd) : "—" }));
  const empty = points.every((p) => p.roiPct === null)
    ? "No bucket in this range has both a cost and a known value, so ROI is undefined throughout: send outcomes for the features that spend."
    : null;
  return { points, rows, empty };
}
