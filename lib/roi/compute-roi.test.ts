import { describe, expect, it } from "vitest";
import { parseUsd } from "@/lib/money";
import { MICRO } from "./attribution";
import { computeRoi, type PeriodCall, type RoiInputs, type RoiShape } from "./compute-roi";

const call = (bucket: number, teamId: string, feature: string, model: string, cost: string, calls = 1n): PeriodCall => ({
  bucket,
  teamId,
  feature,
  model,
  costNanos: parseUsd(cost),
  calls,
  inputTokens: 100n * calls,
  outputTokens: 10n * calls,
  unpricedCalls: 0n,
  eventValueNanos: 0n,
});
const outcome = (bucket: number, teamId: string, feature: string, value: string) => ({ bucket, teamId, feature, kind: "won", valueNanos: parseUsd(value), countMicros: MICRO });

const shape = (over: Partial<RoiShape> = {}): RoiShape => ({
  from: new Date("2026-11-01T00:00:00Z"),
  to: new Date("2026-11-03T00:00:00Z"),
  groupBy: "model",
  breakdown: false,
  series: null,
  timeZone: "UTC",
  keep: () => true,
  teamSlugById: new Map([["t1", "alpha"]]),
  ...over,
});

const DAY1 = Date.parse("2026-11-01T00:00:00Z");
const DAY2 = Date.parse("2026-11-02T00:00:00Z");

// Day 1: model a only; day 2: model b only. One outcome per day, untraced.
const inputs: RoiInputs = {
  calls: [call(DAY1, "t1", "f", "a", "1"), call(DAY2, "t1", "f", "b", "1", 3n)],
  plain: [outcome(DAY1, "t1", "f", "4"), outcome(DAY2, "t1", "f", "4")],
  traced: [],
  traceCalls: new Map(),
};

describe("computeRoi", () => {
  it("rows weigh the models of the whole range; each point of a series its own bucket", () => {
    const res = computeRoi(inputs, shape({ series: { interval: "day", starts: [DAY1, DAY2] } }));
    // range: calls a 1, b 3 → 8.00 split 2 / 6
    expect(res.rows.map((r) => [r.key, r.valueUsd, r.outcomes])).toEqual([
      ["b", "6.000000000", 1.5],
      ["a", "2.000000000", 0.5],
    ]);
    expect(res.series).toEqual([
      { t: "2026-11-01T00:00:00Z", costUsd: "1.000000000", valueUsd: "4.000000000", valueKnown: true, outcomes: 1, roi: 3 },
      { t: "2026-11-02T00:00:00Z", costUsd: "1.000000000", valueUsd: "4.000000000", valueKnown: true, outcomes: 1, roi: 3 },
    ]);
    expect(res.totals).toMatchObject({ costUsd: "2.000000000", valueUsd: "8.000000000", outcomes: 2, roi: 3, tokens: 440 });
  });

  it("a model filter selects shares after attribution, never re-splits", () => {
    const res = computeRoi(inputs, shape({ keep: (c) => c.model === "a" }));
    expect(res.rows.map((r) => [r.key, r.valueUsd])).toEqual([["a", "2.000000000"]]);
    expect(res.totals.valueUsd).toBe("2.000000000");
  });

  it("groups by team slug with a per-model breakdown", () => {
    const res = computeRoi(inputs, shape({ groupBy: "team", breakdown: true }));
    expect(res.rows).toHaveLength(1);
    expect(res.rows[0].key).toBe("alpha");
    expect(res.rows[0].models?.map((m) => [m.key, m.costPerOutcome])).toEqual([
      ["b", "0.666666667"],
      ["a", "2.000000000"],
    ]);
  });

  it("a series zero-fills buckets without data (money 0, ROI null)", () => {
    const res = computeRoi({ ...inputs, calls: [], plain: [] }, shape({ series: { interval: "day", starts: [DAY1] } }));
    expect(res.series).toEqual([{ t: "2026-11-01T00:00:00Z", costUsd: "0.000000000", valueUsd: "0.000000000", valueKnown: false, outcomes: 0, roi: null }]);
    expect(res.rows).toEqual([]);
  });
});
