// ROI metrics of one group from exact sums (pure). Money stays bigint
// nano-dollars until it is formatted as a 9-place decimal string; ratios are
// computed exactly with bigint and rounded once, half away from zero:
//   roi                    (value − cost) / cost, 6 places, as a JSON number
//   valuePerMillionTokens  value × 1e6 / tokens, dollars (9 places)
//   costPerOutcome         cost / outcomes, dollars (9 places)
//   valuePerOutcome        value / outcomes, dollars (9 places)
// A ratio is null when its denominator is zero, and ROI and value per token
// are null when the value is unknown (no outcomes and no event value): a
// feature nobody reports outcomes for has unknown ROI, not −100 %.
import { divRound, formatUsd } from "@/lib/money";
import type { RoiKindTotal, RoiMetrics } from "@/lib/schemas/roi";
import { type Credit, MICRO } from "./attribution";

export type RoiSums = {
  costNanos: bigint;
  inputTokens: bigint;
  outputTokens: bigint;
  calls: bigint;
  unpricedCalls: bigint;
  /** Event value plus outcome value. */
  valueNanos: bigint;
  outcomeMicros: bigint;
  byKind: Map<string, Credit>;
};

export const ROI_PLACES = 6;
const ROI_SCALE = 10n ** BigInt(ROI_PLACES);

export function emptySums(): RoiSums {
  return { costNanos: 0n, inputTokens: 0n, outputTokens: 0n, calls: 0n, unpricedCalls: 0n, valueNanos: 0n, outcomeMicros: 0n, byKind: new Map() };
}

export function addSums(into: RoiSums, from: RoiSums): RoiSums {
  into.costNanos += from.costNanos;
  into.inputTokens += from.inputTokens;
  into.outputTokens += from.outputTokens;
  into.calls += from.calls;
  into.unpricedCalls += from.unpricedCalls;
  into.valueNanos += from.valueNanos;
  into.outcomeMicros += from.outcomeMicros;
  for (const [kind, credit] of from.byKind) mergeKind(into.byKind, kind, credit);
  return into;
}

function mergeKind(byKind: Map<string, Credit>, kind: string, credit: Credit): void {
  const held = byKind.get(kind) ?? { valueNanos: 0n, outcomeMicros: 0n };
  byKind.set(kind, { valueNanos: held.valueNanos + credit.valueNanos, outcomeMicros: held.outcomeMicros + credit.outcomeMicros });
}

/** Adds outcome credit of one kind (value and count). */
export function addCredit(into: RoiSums, kind: string, credit: Credit): void {
  mergeKind(into.byKind, kind, credit);
  into.valueNanos += credit.valueNanos;
  into.outcomeMicros += credit.outcomeMicros;
}

/** An exact integer scaled by 10^places, as the nearest JSON number. */
export function scaledToNumber(scaled: bigint, places: number): number {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const unit = 10n ** BigInt(places);
  return Number(`${negative ? "-" : ""}${abs / unit}.${(abs % unit).toString().padStart(places, "0")}`);
}

export function valueKnown(s: Pick<RoiSums, "valueNanos" | "outcomeMicros">): boolean {
  return s.outcomeMicros > 0n || s.valueNanos > 0n;
}

/** (value − cost) / cost scaled by 10^6, or null (zero cost, unknown value). */
export function roiScaled(s: Pick<RoiSums, "costNanos" | "valueNanos" | "outcomeMicros">): bigint | null {
  if (s.costNanos === 0n || !valueKnown(s)) return null;
  return divRound((s.valueNanos - s.costNanos) * ROI_SCALE, s.costNanos);
}

export function roiOf(s: Pick<RoiSums, "costNanos" | "valueNanos" | "outcomeMicros">): number | null {
  const scaled = roiScaled(s);
  return scaled === null ? null : scaledToNumber(scaled, ROI_PLACES);
}

const outcomesOf = (micros: bigint) => scaledToNumber(micros, 6);

function perOutcome(nanos: bigint, outcomeMicros: bigint): string | null {
  return outcomeMicros === 0n ? null : formatUsd(divRound(nanos * MICRO, outcomeMicros));
}

export function toRoiMetrics(s: RoiSums): RoiMetrics {
  const tokens = s.inputTokens + s.outputTokens;
  const known = valueKnown(s);
  const outcomesByKind: RoiKindTotal[] = [...s.byKind]
    .filter(([, c]) => c.outcomeMicros > 0n || c.valueNanos > 0n)
    .sort(([ka, a], [kb, b]) => (a.valueNanos === b.valueNanos ? (ka < kb ? -1 : 1) : a.valueNanos > b.valueNanos ? -1 : 1))
    .map(([kind, c]) => ({ kind, outcomes: outcomesOf(c.outcomeMicros), valueUsd: formatUsd(c.valueNanos) }));
  return {
    costUsd: formatUsd(s.costNanos),
    tokens: Number(tokens),
    events: Number(s.calls),
    unpricedEvents: Number(s.unpricedCalls),
    valueUsd: formatUsd(s.valueNanos),
    valueKnown: known,
    outcomes: outcomesOf(s.outcomeMicros),
    roi: roiOf(s),
    valuePerMillionTokens: tokens === 0n || !known ? null : formatUsd(divRound(s.valueNanos * 1_000_000n, tokens)),
    costPerOutcome: perOutcome(s.costNanos, s.outcomeMicros),
    valuePerOutcome: perOutcome(s.valueNanos, s.outcomeMicros),
    outcomesByKind,
  };
}

/** 0 ROI known, 1 zero cost with value (ROI undefined), 2 value unknown. */
function tier(s: RoiSums): number {
  if (!valueKnown(s)) return 2;
  return s.costNanos === 0n ? 1 : 0;
}

/**
 * Ranking: best ROI first (compared exactly: (v₁−c₁)·c₂ against (v₂−c₂)·c₁),
 * ties by higher cost; then zero-cost groups with value, most value first;
 * then "value unknown", most expensive first; finally by key.
 */
export function compareRanked(a: { key: string | null; sums: RoiSums }, b: { key: string | null; sums: RoiSums }): number {
  const [ta, tb] = [tier(a.sums), tier(b.sums)];
  if (ta !== tb) return ta - tb;
  const [x, y] = [a.sums, b.sums];
  let order = 0n;
  if (ta === 0) order = (y.valueNanos - y.costNanos) * x.costNanos - (x.valueNanos - x.costNanos) * y.costNanos;
  if (order === 0n && ta === 1) order = y.valueNanos - x.valueNanos;
  if (order === 0n) order = y.costNanos - x.costNanos;
  if (order !== 0n) return order > 0n ? 1 : -1;
  if (a.key === b.key) return 0;
  if (a.key === null) return 1;
  if (b.key === null) return -1;
  return a.key < b.key ? -1 : 1;
}
