import { formatUsd, parseUsd } from "@/lib/money";
import type { GetSpendResponse, SpendGroupBy, SpendInterval, SpendPoint } from "@/lib/schemas/spend";
import type { SpendRow } from "./spend-sql";

type Series = { key: string | null; costNanos: bigint; points: (SpendPoint | undefined)[] };

/** ISO-8601 in UTC, without milliseconds when there are none. */
const iso = (d: Date) => d.toISOString().replace(".000Z", "Z");

const ZERO_USD = formatUsd(0n);

/**
 * Series from the per-key bucket totals. Zero-filled: every series has one
 * point per bucket meeting [from, to), in time order (spend and tokens are
 * additive, so an empty bucket is a true zero); a key without events in the
 * range has no series. Series come most expensive first, then by key.
 * Totals are added as bigint nano-dollars, never as floats.
 */
export function toSpendResponse(input: {
  rows: readonly SpendRow[];
  bucketStarts: readonly Date[];
  from: Date;
  to: Date;
  groupBy: SpendGroupBy;
  interval: SpendInterval;
  timeZone: string;
}): GetSpendResponse {
  const times = [...new Set([...input.bucketStarts.map((d) => d.getTime()), ...input.rows.flatMap((r) => r.points.map((p) => p[0]))])].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const labels = times.map((t) => iso(new Date(t)));
  const totals = { costNanos: 0n, inputTokens: 0, outputTokens: 0, events: 0 };

  const collected = input.rows.map((row): Series => {
    const series: Series = { key: row.key, costNanos: 0n, points: new Array(times.length) };
    for (const [t, costUsd, inputTokens, outputTokens, events] of row.points) {
      const i = index.get(t)!;
      series.points[i] = { t: labels[i], costUsd, inputTokens, outputTokens, events };
      series.costNanos += parseUsd(costUsd);
      totals.inputTokens += inputTokens;
      totals.outputTokens += outputTokens;
      totals.events += events;
    }
    totals.costNanos += series.costNanos;
    return series;
  });

  const series = collected
    .sort((a, b) => (a.costNanos === b.costNanos ? compareKeys(a.key, b.key) : a.costNanos > b.costNanos ? -1 : 1))
    .map((s) => ({
      key: s.key,
      points: labels.map((t, i) => s.points[i] ?? { t, costUsd: ZERO_USD, inputTokens: 0, outputTokens: 0, events: 0 }),
    }));

  return {
    from: iso(input.from),
    to: iso(input.to),
    groupBy: input.groupBy,
    interval: input.interval,
    timeZone: input.timeZone,
    series,
    totals: { costUsd: formatUsd(totals.costNanos), inputTokens: totals.inputTokens, outputTokens: totals.outputTokens, events: totals.events },
  };
}

/** Keys ascending; events without a customer id (null) last. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
