// From per-bucket calls and outcomes to the ROI answer (pure, exact).
// Rows attribute the whole range at once (rule 2 weighs the models of the
// range); each point of a series attributes its own bucket. Filters apply to
// the credited cells, after attribution, so a filter never changes how an
// outcome is split, only which shares are shown.
import { formatUsd } from "@/lib/money";
import type { GetRoiResponse, RoiGroupBy, RoiInterval, RoiModelRow, RoiPoint, RoiRow } from "@/lib/schemas/roi";
import { attributeOutcomes, type CallCell, type CellId, cellKey, type OutcomeGroup, type TracedOutcomeGroup } from "./attribution";
import { addCredit, addSums, compareRanked, emptySums, roiOf, type RoiSums, scaledToNumber, toRoiMetrics, valueKnown } from "./roi-metrics";

export type PeriodCall = CallCell & { bucket: number; inputTokens: bigint; outputTokens: bigint; unpricedCalls: bigint; eventValueNanos: bigint };
export type BucketedOutcome = OutcomeGroup & { bucket: number };
export type BucketedTracedOutcome = TracedOutcomeGroup & { bucket: number };

export type RoiInputs = {
  calls: readonly PeriodCall[];
  plain: readonly BucketedOutcome[];
  traced: readonly BucketedTracedOutcome[];
  traceCalls: ReadonlyMap<string, readonly CallCell[]>;
};

export type RoiShape = {
  from: Date;
  to: Date;
  groupBy: RoiGroupBy;
  /** Sub-rows per model. */
  breakdown: boolean;
  /** Bucket starts (epoch ms) of the series, or null for no series. */
  series: { interval: RoiInterval; starts: readonly number[] } | null;
  timeZone: string;
  /** Which credited cells the caller sees (scope and filters). */
  keep: (cell: CellId) => boolean;
  teamSlugById: ReadonlyMap<string, string>;
};

type CellSums = { cell: CellId; sums: RoiSums };

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

/** Sums per cell of one period: its calls, plus the outcome credit attribution gives it. */
function creditedCells(calls: readonly PeriodCall[], plain: readonly OutcomeGroup[], traced: readonly TracedOutcomeGroup[], inputs: RoiInputs): CellSums[] {
  const cells = new Map<string, CellSums>();
  const at = (cell: CellId) => {
    const key = cellKey(cell);
    let entry = cells.get(key);
    if (!entry) {
      entry = { cell: { teamId: cell.teamId, feature: cell.feature, model: cell.model }, sums: emptySums() };
      cells.set(key, entry);
    }
    return entry.sums;
  };
  for (const c of calls) {
    const sums = at(c);
    sums.costNanos += c.costNanos;
    sums.inputTokens += c.inputTokens;
    sums.outputTokens += c.outputTokens;
    sums.calls += c.calls;
    sums.unpricedCalls += c.unpricedCalls;
    sums.valueNanos += c.eventValueNanos;
  }
  const credited = attributeOutcomes({ periodCalls: calls, plain, traced, traceCalls: inputs.traceCalls });
  for (const credit of credited.values()) {
    const sums = at(credit);
    for (const [kind, c] of credit.byKind) addCredit(sums, kind, c);
  }
  return [...cells.values()];
}

/** One period's calls summed per cell (a range spans many buckets). */
function mergeCalls(calls: readonly PeriodCall[]): PeriodCall[] {
  const merged = new Map<string, PeriodCall>();
  for (const c of calls) {
    const key = cellKey(c);
    const held = merged.get(key);
    if (!held) {
      merged.set(key, { ...c, bucket: 0 });
      continue;
    }
    held.costNanos += c.costNanos;
    held.calls += c.calls;
    held.inputTokens += c.inputTokens;
    held.outputTokens += c.outputTokens;
    held.unpricedCalls += c.unpricedCalls;
    held.eventValueNanos += c.eventValueNanos;
  }
  return [...merged.values()];
}

function groupKey(cell: CellId, groupBy: RoiGroupBy, teamSlugById: ReadonlyMap<string, string>): string | null {
  if (groupBy === "team") return teamSlugById.get(cell.teamId) ?? cell.teamId;
  return groupBy === "feature" ? cell.feature : cell.model;
}

function ranked<T>(groups: Map<string | null, RoiSums>, toRow: (key: string | null, sums: RoiSums) => T): T[] {
  return [...groups]
    .map(([key, sums]) => ({ key, sums }))
    .sort(compareRanked)
    .map(({ key, sums }) => toRow(key, sums));
}

function sumInto(groups: Map<string | null, RoiSums>, key: string | null, sums: RoiSums): void {
  const held = groups.get(key);
  if (held) addSums(held, sums);
  else groups.set(key, addSums(emptySums(), sums));
}

function toRows(cells: readonly CellSums[], shape: RoiShape): RoiRow[] {
  const groups = new Map<string | null, RoiSums>();
  const models = new Map<string | null, Map<string | null, RoiSums>>();
  for (const { cell, sums } of cells) {
    const key = groupKey(cell, shape.groupBy, shape.teamSlugById);
    sumInto(groups, key, sums);
    if (shape.breakdown) {
      if (!models.has(key)) models.set(key, new Map());
      sumInto(models.get(key)!, cell.model, sums);
    }
  }
  return ranked(groups, (key, sums): RoiRow => {
    const row: RoiRow = { key, ...toRoiMetrics(sums) };
    if (shape.breakdown) row.models = ranked(models.get(key)!, (model, s): RoiModelRow => ({ key: model, ...toRoiMetrics(s) }));
    return row;
  });
}

function toPoint(t: number, sums: RoiSums): RoiPoint {
  return {
    t: iso(t),
    costUsd: formatUsd(sums.costNanos),
    valueUsd: formatUsd(sums.valueNanos),
    valueKnown: valueKnown(sums),
    outcomes: scaledToNumber(sums.outcomeMicros, 6),
    roi: roiOf(sums),
  };
}

function toSeries(inputs: RoiInputs, shape: RoiShape): RoiPoint[] | null {
  if (!shape.series) return null;
  const byBucket = <T extends { bucket: number }>(items: readonly T[]) => {
    const map = new Map<number, T[]>();
    for (const item of items) {
      const list = map.get(item.bucket);
      if (list) list.push(item);
      else map.set(item.bucket, [item]);
    }
    return map;
  };
  const [calls, plain, traced] = [byBucket(inputs.calls), byBucket(inputs.plain), byBucket(inputs.traced)];
  const starts = [...new Set([...shape.series.starts, ...calls.keys(), ...plain.keys(), ...traced.keys()])].sort((a, b) => a - b);
  return starts.map((t) => {
    const total = emptySums();
    for (const { cell, sums } of creditedCells(calls.get(t) ?? [], plain.get(t) ?? [], traced.get(t) ?? [], inputs)) {
      if (shape.keep(cell)) addSums(total, sums);
    }
    return toPoint(t, total);
  });
}

export function computeRoi(inputs: RoiInputs, shape: RoiShape): GetRoiResponse {
  const cells = creditedCells(mergeCalls(inputs.calls), inputs.plain, inputs.traced, inputs).filter(({ cell }) => shape.keep(cell));
  const totals = emptySums();
  for (const { sums } of cells) addSums(totals, sums);
  return {
    from: iso(shape.from.getTime()),
    to: iso(shape.to.getTime()),
    groupBy: shape.groupBy,
    interval: shape.series?.interval ?? null,
    timeZone: shape.timeZone,
    rows: toRows(cells, shape),
    totals: toRoiMetrics(totals),
    series: toSeries(inputs, shape),
  };
}
