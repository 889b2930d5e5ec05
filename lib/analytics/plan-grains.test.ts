import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type GrainPlan, planGrains } from "./plan-grains";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);
const dates = (...isos: string[]) => isos.map(at);

/** The plan as [grain, from, to] triples in time order, for readable expectations. */
function stretches(plan: GrainPlan): [string, string, string][] {
  return (Object.entries(plan) as [string, { from: Date; to: Date }[]][])
    .flatMap(([grain, ranges]) => ranges.map((r) => [grain, r.from.toISOString(), r.to.toISOString()] as [string, string, string]))
    .sort((a, b) => a[1].localeCompare(b[1]));
}

function utcDays(from: string, count: number): Date[] {
  return Array.from({ length: count }, (_, i) => new Date(at(from).getTime() + i * DAY));
}

describe("planGrains", () => {
  it("reads daily rollups only for day buckets of a UTC organisation over a day-aligned range", () => {
    const plan = planGrains({ from: at("2026-11-01T00:00:00Z"), to: at("2026-11-04T00:00:00Z"), bucketStarts: utcDays("2026-11-01T00:00:00Z", 3), rawOnly: false });
    expect(stretches(plan)).toEqual([["daily", "2026-11-01T00:00:00.000Z", "2026-11-04T00:00:00.000Z"]]);
  });

  it("reads the ragged ends of a range from hourly rollups and raw events", () => {
    const plan = planGrains({ from: at("2026-11-01T10:20:00Z"), to: at("2026-11-04T05:30:00Z"), bucketStarts: utcDays("2026-11-01T00:00:00Z", 4), rawOnly: false });
    expect(stretches(plan)).toEqual([
      ["raw", "2026-11-01T10:20:00.000Z", "2026-11-01T11:00:00.000Z"],
      ["hourly", "2026-11-01T11:00:00.000Z", "2026-11-02T00:00:00.000Z"],
      ["daily", "2026-11-02T00:00:00.000Z", "2026-11-04T00:00:00.000Z"],
      ["hourly", "2026-11-04T00:00:00.000Z", "2026-11-04T05:00:00.000Z"],
      ["raw", "2026-11-04T05:00:00.000Z", "2026-11-04T05:30:00.000Z"],
    ]);
  });

  it("serves hour buckets from hourly rollups", () => {
    const starts = Array.from({ length: 6 }, (_, i) => new Date(at("2026-11-01T10:00:00Z").getTime() + i * HOUR));
    const plan = planGrains({ from: at("2026-11-01T10:00:00Z"), to: at("2026-11-01T16:00:00Z"), bucketStarts: starts, rawOnly: false });
    expect(stretches(plan)).toEqual([["hourly", "2026-11-01T10:00:00.000Z", "2026-11-01T16:00:00.000Z"]]);
  });

  it("serves days of a whole-hour zone from hourly rollups, across a DST change (Europe/Berlin)", () => {
    // Berlin midnights around the end of summer time on 25 October 2026
    const starts = dates("2026-10-23T22:00:00Z", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z");
    const plan = planGrains({ from: at("2026-10-23T22:00:00Z"), to: at("2026-10-26T23:00:00Z"), bucketStarts: starts, rawOnly: false });
    expect(stretches(plan)).toEqual([["hourly", "2026-10-23T22:00:00.000Z", "2026-10-26T23:00:00.000Z"]]);
  });

  it("serves the inner days of a month in a whole-hour zone from daily rollups", () => {
    const starts = dates("2026-09-30T22:00:00Z", "2026-10-31T23:00:00Z");
    const plan = planGrains({ from: at("2026-09-30T22:00:00Z"), to: at("2026-11-30T23:00:00Z"), bucketStarts: starts, rawOnly: false });
    expect(stretches(plan)).toEqual([
      ["hourly", "2026-09-30T22:00:00.000Z", "2026-10-01T00:00:00.000Z"],
      ["daily", "2026-10-01T00:00:00.000Z", "2026-10-31T00:00:00.000Z"],
      ["hourly", "2026-10-31T00:00:00.000Z", "2026-11-01T00:00:00.000Z"],
      ["daily", "2026-11-01T00:00:00.000Z", "2026-11-30T00:00:00.000Z"],
      ["hourly", "2026-11-30T00:00:00.000Z", "2026-11-30T23:00:00.000Z"],
    ]);
  });

  it("reads the hour around each boundary of a half-hour zone from raw events (Asia/Kolkata)", () => {
    const starts = dates("2026-10-31T18:30:00Z", "2026-11-01T18:30:00Z");
    const plan = planGrains({ from: at("2026-10-31T18:30:00Z"), to: at("2026-11-02T18:30:00Z"), bucketStarts: starts, rawOnly: false });
    expect(stretches(plan)).toEqual([
      ["raw", "2026-10-31T18:30:00.000Z", "2026-10-31T19:00:00.000Z"],
      ["hourly", "2026-10-31T19:00:00.000Z", "2026-11-01T18:00:00.000Z"],
      ["raw", "2026-11-01T18:00:00.000Z", "2026-11-01T19:00:00.000Z"],
      ["hourly", "2026-11-01T19:00:00.000Z", "2026-11-02T18:00:00.000Z"],
      ["raw", "2026-11-02T18:00:00.000Z", "2026-11-02T18:30:00.000Z"],
    ]);
  });

  it("reads raw events only when a query needs a dimension the rollups lack", () => {
    const plan = planGrains({ from: at("2026-11-01T00:00:00Z"), to: at("2026-11-04T00:00:00Z"), bucketStarts: utcDays("2026-11-01T00:00:00Z", 3), rawOnly: true });
    expect(stretches(plan)).toEqual([["raw", "2026-11-01T00:00:00.000Z", "2026-11-04T00:00:00.000Z"]]);
  });

  it("plans nothing for an empty range", () => {
    expect(stretches(planGrains({ from: at("2026-11-01T00:00:00Z"), to: at("2026-11-01T00:00:00Z"), bucketStarts: [], rawOnly: false }))).toEqual([]);
  });

  it("covers [from, to) exactly once and never lets a rollup row straddle a bucket boundary", () => {
    const base = at("2026-10-01T00:00:00Z").getTime();
    const instant = fc.integer({ min: 0, max: 40 * DAY }).map((ms) => base + ms);
    // boundaries anywhere, on the quarter hour like real zones, or on whole hours
    const boundary = fc.oneof(instant, instant.map((ms) => ms - (ms % (15 * 60_000))), instant.map((ms) => ms - (ms % HOUR)));
    fc.assert(
      fc.property(instant, instant, fc.uniqueArray(boundary, { maxLength: 40 }), (a, b, bounds) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const starts = [from, ...bounds.filter((ms) => ms > from && ms < to)].sort((x, y) => x - y).map((ms) => new Date(ms));
        const plan = planGrains({ from: new Date(from), to: new Date(to), bucketStarts: starts, rawOnly: false });
        const all = stretches(plan).map(([grain, f, t]) => ({ grain, from: Date.parse(f), to: Date.parse(t) }));
        let cursor = from;
        for (const r of all) {
          expect(r.from).toBe(cursor);
          expect(r.to).toBeGreaterThan(r.from);
          cursor = r.to;
          const cell = r.grain === "daily" ? DAY : r.grain === "hourly" ? HOUR : 1;
          expect(r.from % cell).toBe(0);
          expect(r.to % cell).toBe(0);
          for (const s of starts) if (s.getTime() > r.from && s.getTime() < r.to) expect(s.getTime() % cell).toBe(0);
        }
        expect(cursor).toBe(to);
      }),
    );
  });
});
