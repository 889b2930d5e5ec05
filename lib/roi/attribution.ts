// Attribution of outcomes to the (team, feature, model) cells that spent the
// money (pure, exact). The rules, also in README "ROI attribution" and the
// ROI page's help:
// 1. An outcome with a traceId whose trace has calls (at any time: a trace is
//    one unit of work, so its split never depends on the range asked) is
//    credited to the cells of those calls in proportion to their cost; a
//    trace that cost nothing is split by its number of calls. An outcome
//    sent with a team-bound API key is credited only to its own team's
//    calls of the trace: such a key writes its team only, so it may not
//    move value onto another team's calls by naming their trace.
// 2. Any other outcome (no traceId, or a trace with no calls yet: "outcome
//    before its events") is credited to its own team and feature, split over
//    the models that team and feature called in the same period (the range,
//    or the bucket of a time series) in proportion to their number of calls:
//    which call earned it is unknown, and crediting by cost would give every
//    model the same cost per outcome and hide the cheaper one. With no calls
//    in the period it stays on the cell (team, feature, model null). Once the
//    trace's calls arrive, rule 1 applies.
// 3. Value (nano-dollars) and outcome counts (millionths) are split with the
//    largest-remainder method: each share is rounded down, the units left go
//    to the largest remainders (ties to the first cell in key order), so the
//    shares add up exactly to the outcome.

/** Outcome counts are carried in millionths, so a share of an outcome stays exact. */
export const MICRO = 1_000_000n;

export type CellId = { teamId: string; feature: string; model: string | null };

/** Calls of one cell (in a period, or of a trace). */
export type CallCell = CellId & { model: string; costNanos: bigint; calls: bigint };

export type OutcomeGroup = { teamId: string; feature: string; kind: string; valueNanos: bigint; countMicros: bigint };
/** `teamCallsOnly`: sent with a team-bound key, credited only to its own team's calls of the trace. */
export type TracedOutcomeGroup = OutcomeGroup & { traceId: string; teamCallsOnly: boolean };

export type Credit = { valueNanos: bigint; outcomeMicros: bigint };
export type CreditedCell = CellId & { byKind: Map<string, Credit> };

export function cellKey(cell: CellId): string {
  return JSON.stringify([cell.teamId, cell.feature, cell.model]);
}

/**
 * Splits a non-negative `total` in proportion to non-negative `weights` (at
 * least one positive), largest remainder: the parts add up to `total`.
 */
export function splitExact(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, w) => a + w, 0n);
  if (sum <= 0n) throw new RangeError("splitExact needs a positive weight");
  if (total < 0n) throw new RangeError("splitExact splits non-negative totals");
  const parts = weights.map((w) => (total * w) / sum);
  let left = total - parts.reduce((a, p) => a + p, 0n);
  const order = weights
    .map((w, i) => ({ i, rem: (total * w) % sum }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts;
}

/** Weights of rule 1 (cost, else calls) or rule 2 (calls). */
function weightsOf(cells: readonly CallCell[], by: "cost" | "calls"): bigint[] {
  if (by === "cost" && cells.some((c) => c.costNanos > 0n)) return cells.map((c) => c.costNanos);
  if (cells.some((c) => c.calls > 0n)) return cells.map((c) => c.calls);
  return cells.map(() => 1n);
}

class Ledger {
  readonly cells = new Map<string, CreditedCell>();

  add(cell: CellId, kind: string, valueNanos: bigint, outcomeMicros: bigint): void {
    const key = cellKey(cell);
    let entry = this.cells.get(key);
    if (!entry) {
      entry = { teamId: cell.teamId, feature: cell.feature, model: cell.model, byKind: new Map() };
      this.cells.set(key, entry);
    }
    const credit = entry.byKind.get(kind) ?? { valueNanos: 0n, outcomeMicros: 0n };
    entry.byKind.set(kind, { valueNanos: credit.valueNanos + valueNanos, outcomeMicros: credit.outcomeMicros + outcomeMicros });
  }

  spread(cells: readonly CallCell[], by: "cost" | "calls", group: OutcomeGroup): void {
    const weights = weightsOf(cells, by);
    const values = splitExact(group.valueNanos, weights);
    const counts = splitExact(group.countMicros, weights);
    cells.forEach((cell, i) => {
      if (values[i] > 0n || counts[i] > 0n) this.add(cell, group.kind, values[i], counts[i]);
    });
  }
}

const byKey = (a: CallCell, b: CallCell) => {
  const [ka, kb] = [cellKey(a), cellKey(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

const pairKey = (teamId: string, feature: string) => JSON.stringify([teamId, feature]);

/**
 * Credits outcome groups of one period to cells. `periodCalls` are the calls
 * of the period (rule 2's weights); `traceCalls` the calls of each trace
 * named by `traced`, whatever their time (rule 1).
 */
export function attributeOutcomes(input: {
  periodCalls: readonly CallCell[];
  plain: readonly OutcomeGroup[];
  traced: readonly TracedOutcomeGroup[];
  traceCalls: ReadonlyMap<string, readonly CallCell[]>;
}): Map<string, CreditedCell> {
  const ledger = new Ledger();
  // rule 2 splits the outcomes of one team, feature and kind together
  const pool = new Map<string, OutcomeGroup>();
  const toPool = (group: OutcomeGroup) => {
    const key = JSON.stringify([group.teamId, group.feature, group.kind]);
    const held = pool.get(key);
    pool.set(key, {
      teamId: group.teamId,
      feature: group.feature,
      kind: group.kind,
      valueNanos: (held?.valueNanos ?? 0n) + group.valueNanos,
      countMicros: (held?.countMicros ?? 0n) + group.countMicros,
    });
  };
  input.plain.forEach(toPool);
  for (const group of input.traced) {
    const cells = (input.traceCalls.get(group.traceId) ?? []).filter((cell) => !group.teamCallsOnly || cell.teamId === group.teamId);
    if (cells.length > 0) ledger.spread(cells.sort(byKey), "cost", group);
    else toPool(group);
  }

  const byPair = new Map<string, CallCell[]>();
  for (const cell of input.periodCalls) {
    const key = pairKey(cell.teamId, cell.feature);
    const cells = byPair.get(key);
    if (cells) cells.push(cell);
    else byPair.set(key, [cell]);
  }
  for (const cells of byPair.values()) cells.sort(byKey);

  for (const group of pool.values()) {
    const cells = byPair.get(pairKey(group.teamId, group.feature));
    if (cells) ledger.spread(cells, "calls", group);
    else ledger.add({ teamId: group.teamId, feature: group.feature, model: null }, group.kind, group.valueNanos, group.countMicros);
  }
  return ledger.cells;
}
