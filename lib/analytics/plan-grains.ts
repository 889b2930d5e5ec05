// Which stored grain serves each stretch of a spend query (DESIGN.md 6).
// Rollups are UTC buckets: an hourly row holds [h, h+1h), a daily row
// [d, d+1d). A rollup row may answer for a stretch only when it lies wholly
// inside one output bucket (in the organisation's time zone) and inside
// [from, to); otherwise its events would be counted in the wrong bucket or
// outside the range. So each output bucket is cut into
//   raw events  up to the first whole UTC hour,
//   hourly      up to the first whole UTC day,
//   daily       over the whole UTC days inside it,
//   hourly      over the whole hours after them,
//   raw events  for the part of an hour at the end,
// and neighbouring stretches of the same grain are merged. Day, week and month
// buckets of a UTC organisation over a day-aligned range are then all daily;
// in a whole-hour zone (Europe/Berlin) days come from hourly rollups and weeks
// and months mostly from daily ones; in a half-hour zone (Asia/Kolkata) one
// hour per bucket boundary is read from raw events. Raw events are read in
// full only when nothing coarser fits (a dimension no rollup has). Customer
// queries are planned by plan-customer-grains.ts.

export type Grain = "daily" | "hourly" | "raw";

/** Half-open [from, to). */
export type TimeRange = { from: Date; to: Date };

/** Disjoint, ascending ranges per grain; together exactly [from, to). */
export type GrainPlan = Record<Grain, TimeRange[]>;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const ceilTo = (ms: number, unit: number) => Math.ceil(ms / unit) * unit;
const floorTo = (ms: number, unit: number) => Math.floor(ms / unit) * unit;

export function planGrains(input: {
  from: Date;
  to: Date;
  /** Start of every output bucket that meets [from, to), ascending (the first may precede `from`). */
  bucketStarts: readonly Date[];
  /** The query needs a dimension the rollups do not have. */
  rawOnly: boolean;
}): GrainPlan {
  const from = input.from.getTime();
  const to = input.to.getTime();
  const plan: GrainPlan = { daily: [], hourly: [], raw: [] };
  if (from >= to) return plan;
  if (input.rawOnly) {
    plan.raw.push({ from: input.from, to: input.to });
    return plan;
  }
  const inside = input.bucketStarts.map((d) => d.getTime()).filter((ms) => ms > from && ms < to);
  const edges = [from, ...inside, to];
  const pieces: { grain: Grain; from: number; to: number }[] = [];
  const add = (grain: Grain, start: number, end: number) => {
    if (start >= end) return;
    const last = pieces.at(-1);
    if (last?.grain === grain && last.to === start) last.to = end;
    else pieces.push({ grain, from: start, to: end });
  };

  for (let i = 0; i + 1 < edges.length; i++) {
    const [start, end] = [edges[i], edges[i + 1]];
    const [h1, h2] = [ceilTo(start, HOUR_MS), floorTo(end, HOUR_MS)];
    const [d1, d2] = [ceilTo(start, DAY_MS), floorTo(end, DAY_MS)];
    if (h1 >= h2) {
      add("raw", start, end);
      continue;
    }
    add("raw", start, h1);
    if (d1 < d2) {
      add("hourly", h1, d1);
      add("daily", d1, d2);
      add("hourly", d2, h2);
    } else {
      add("hourly", h1, h2);
    }
    add("raw", h2, end);
  }
  for (const piece of pieces) plan[piece.grain].push({ from: new Date(piece.from), to: new Date(piece.to) });
  return plan;
}
