// The ROI page's two queries, built the same way by the server page (to
// prefetch) and the client view (to fetch), so their query keys match.
import type { RoiParams } from "@/lib/queries/roi";
import type { RoiGroupBy, RoiInterval } from "@/lib/schemas/roi";

export const RANGE_DAYS = [7, 30, 90] as const;
export type RangeDays = (typeof RANGE_DAYS)[number];

export type RoiSelection = { to: string; days: RangeDays; groupBy: RoiGroupBy };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The end of the range: the next whole UTC hour, so whole hours and days come from rollups. */
export function rangeEnd(now: Date): string {
  return new Date(Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS).toISOString();
}

function from(selection: RoiSelection): string {
  return new Date(Date.parse(selection.to) - selection.days * DAY_MS).toISOString();
}

export function intervalFor(days: RangeDays): RoiInterval {
  return days > 31 ? "week" : "day";
}

/** Per feature with a breakdown by model and ROI over time: the scatter, the model comparison (and the table when grouped by feature). */
export function featureParams(selection: RoiSelection): RoiParams {
  return { from: from(selection), to: selection.to, groupBy: "feature", breakdown: "model", interval: intervalFor(selection.days) };
}

/** The ranked table and ROI over time, grouped as chosen: the feature query itself when grouped by feature (one request). */
export function rankingParams(selection: RoiSelection): RoiParams {
  if (selection.groupBy === "feature") return featureParams(selection);
  return { from: from(selection), to: selection.to, groupBy: selection.groupBy, interval: intervalFor(selection.days) };
}

/** The distinct queries of a selection, for the server to prefetch. */
export function pageParams(selection: RoiSelection): RoiParams[] {
  return selection.groupBy === "feature" ? [featureParams(selection)] : [rankingParams(selection), featureParams(selection)];
}
