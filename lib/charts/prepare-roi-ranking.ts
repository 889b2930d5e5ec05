// The ranked ROI table (pure): rows in the API's order (best ROI first, then
// zero-cost groups whose ROI is undefined, then "value unknown"), formatted,
// with the three best and three worst known ROIs called out. A group without
// value is never ranked as −100 %: it has no rank and reads "value unknown".
import { formatMoney, formatTokens } from "@/lib/format";
import type { GetRoiResponse, RoiRow } from "@/lib/schemas/roi";
import { formatOutcomes, formatRatioMoney, formatRoi, groupLabel, type RoiStatus, roiStatus } from "./prepare-roi-labels";

export type RankedRow = {
  id: string;
  /** 1-based among rows with a known ROI; null otherwise. */
  rank: number | null;
  label: string;
  /** The team slug, feature or model (null: events without one). */
  key: string | null;
  status: RoiStatus;
  roi: string;
  tone: "good" | "bad" | "muted";
  cost: string;
  value: string;
  outcomes: string;
  costPerOutcome: string;
  valuePerMillionTokens: string;
  tokens: string;
  /** "3 × ticket_resolved, 1 × lead" */
  kinds: string;
  /** Calls without a price: the cost is incomplete. */
  unpricedEvents: number;
};

export type RoiRanking = {
  rows: RankedRow[];
  best: RankedRow[];
  worst: RankedRow[];
  /** Why the table is empty, or null. */
  empty: string | null;
};

function toRanked(row: RoiRow, index: number, groupBy: GetRoiResponse["groupBy"], rank: number | null): RankedRow {
  const status = roiStatus(row);
  return {
    id: `${index}:${row.key ?? ""}`,
    rank,
    label: groupLabel(row.key, groupBy),
    key: row.key,
    status,
    roi: formatRoi(row),
    tone: status !== "known" || row.roi === null ? "muted" : row.roi >= 0 ? "good" : "bad",
    cost: formatMoney(row.costUsd),
    value: row.valueKnown ? formatMoney(row.valueUsd) : "—",
    outcomes: formatOutcomes(row.outcomes),
    costPerOutcome: formatRatioMoney(row.costPerOutcome),
    valuePerMillionTokens: formatRatioMoney(row.valuePerMillionTokens),
    tokens: formatTokens(row.tokens),
    kinds: row.outcomesByKind.map((k) => `${formatOutcomes(k.outcomes)} × ${k.kind}`).join(", "),
    unpricedEvents: row.unpricedEvents,
  };
}

export function prepareRoiRanking(res: Pick<GetRoiResponse, "rows" | "groupBy">): RoiRanking {
  let rank = 0;
  const rows = res.rows.map((row, i) => toRanked(row, i, res.groupBy, roiStatus(row) === "known" ? ++rank : null));
  const known = rows.filter((r) => r.rank !== null);
  const bestCount = Math.min(3, Math.ceil(known.length / 2));
  const best = known.slice(0, bestCount);
  const worst = known.slice(bestCount).slice(-3).reverse();
  const empty = rows.length === 0 ? "No spend and no outcomes in this range: nothing to rank. Widen the range, or check that services send events and outcomes." : null;
  return { rows, best, worst, empty };
}
