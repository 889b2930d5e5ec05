import { describe, expect, it } from "vitest";
import { parseUsd } from "@/lib/money";
import { MICRO } from "./attribution";
import { compareRanked, emptySums, type RoiSums, scaledToNumber, toRoiMetrics } from "./roi-metrics";

function sums(overrides: { cost?: string; value?: string; outcomes?: bigint; input?: bigint; output?: bigint; calls?: bigint } = {}): RoiSums {
  const s = emptySums();
  s.costNanos = parseUsd(overrides.cost ?? "0");
  s.valueNanos = parseUsd(overrides.value ?? "0");
  s.outcomeMicros = overrides.outcomes ?? 0n;
  s.inputTokens = overrides.input ?? 0n;
  s.outputTokens = overrides.output ?? 0n;
  s.calls = overrides.calls ?? 0n;
  return s;
}

describe("toRoiMetrics", () => {
  it("computes every ratio exactly from decimals", () => {
    const m = toRoiMetrics(sums({ cost: "0.3", value: "1.2", outcomes: 3n * MICRO, input: 2_000n, output: 500n, calls: 4n }));
    expect(m).toMatchObject({
      costUsd: "0.300000000",
      valueUsd: "1.200000000",
      tokens: 2_500,
      events: 4,
      outcomes: 3,
      valueKnown: true,
      roi: 3,
      valuePerMillionTokens: "480.000000000",
      costPerOutcome: "0.100000000",
      valuePerOutcome: "0.400000000",
    });
  });

  it("rounds ratios once, half away from zero, with no float noise", () => {
    // 0.1 + 0.2 as floats is 0.30000000000000004; here value 0.3 over cost 0.1 is exactly 2
    expect(toRoiMetrics(sums({ cost: "0.1", value: "0.3", outcomes: MICRO })).roi).toBe(2);
    expect(toRoiMetrics(sums({ cost: "3", value: "1", outcomes: MICRO })).roi).toBe(-0.666667);
    expect(toRoiMetrics(sums({ cost: "3", value: "5", outcomes: MICRO })).roi).toBe(0.666667);
    expect(toRoiMetrics(sums({ cost: "1", value: "2", outcomes: 3n * MICRO })).costPerOutcome).toBe("0.333333333");
    expect(toRoiMetrics(sums({ cost: "2", value: "2", outcomes: 3n * MICRO })).costPerOutcome).toBe("0.666666667");
    expect(toRoiMetrics(sums({ cost: "0.000000001", value: "1", outcomes: 3n * MICRO, input: 3n })).valuePerMillionTokens).toBe("333333.333333333");
  });

  it("zero cost: ROI undefined (null), cost per outcome zero", () => {
    expect(toRoiMetrics(sums({ value: "5", outcomes: MICRO, input: 10n }))).toMatchObject({ roi: null, costPerOutcome: "0.000000000", valueKnown: true, valuePerMillionTokens: "500000.000000000" });
  });

  it("spend without outcomes or event value: value unknown, never −100 %", () => {
    expect(toRoiMetrics(sums({ cost: "4", input: 100n, calls: 2n }))).toMatchObject({
      valueKnown: false,
      roi: null,
      valueUsd: "0.000000000",
      valuePerMillionTokens: null,
      costPerOutcome: null,
      valuePerOutcome: null,
      outcomes: 0,
    });
  });

  it("outcomes with zero value are known: ROI −100 %", () => {
    expect(toRoiMetrics(sums({ cost: "4", outcomes: 2n * MICRO }))).toMatchObject({ valueKnown: true, roi: -1, costPerOutcome: "2.000000000", valuePerOutcome: "0.000000000" });
  });

  it("event value alone makes the value known; no tokens, no value per token", () => {
    expect(toRoiMetrics(sums({ cost: "1", value: "1.5" }))).toMatchObject({ valueKnown: true, roi: 0.5, costPerOutcome: null, valuePerMillionTokens: null });
  });

  it("shared outcomes show as exact fractions", () => {
    expect(toRoiMetrics(sums({ cost: "1", value: "1", outcomes: 333_333n })).outcomes).toBe(0.333333);
    expect(scaledToNumber(-1_500_000n, 6)).toBe(-1.5);
    expect(scaledToNumber(7n, 6)).toBe(0.000007);
  });

  it("lists outcomes by kind, most valuable first", () => {
    const s = sums({ cost: "1" });
    s.byKind.set("small", { valueNanos: parseUsd("1"), outcomeMicros: 2n * MICRO });
    s.byKind.set("big", { valueNanos: parseUsd("10"), outcomeMicros: MICRO });
    expect(toRoiMetrics(s).outcomesByKind).toEqual([
      { kind: "big", outcomes: 1, valueUsd: "10.000000000" },
      { kind: "small", outcomes: 2, valueUsd: "1.000000000" },
    ]);
  });
});

describe("compareRanked", () => {
  it("best ROI first (exact), then zero-cost with value, then value unknown by cost", () => {
    const groups = [
      { key: "unknown-cheap", sums: sums({ cost: "1" }) },
      { key: "loss", sums: sums({ cost: "3", value: "1", outcomes: MICRO }) },
      { key: "free", sums: sums({ value: "2", outcomes: MICRO }) },
      { key: "unknown-dear", sums: sums({ cost: "9" }) },
      { key: "third", sums: sums({ cost: "3", value: "4", outcomes: MICRO }) },
      { key: "third-bigger", sums: sums({ cost: "6", value: "8", outcomes: MICRO }) },
      { key: "best", sums: sums({ cost: "1", value: "10", outcomes: MICRO }) },
      { key: null, sums: sums({ value: "5", outcomes: MICRO }) },
    ];
    expect(groups.sort(compareRanked).map((g) => g.key)).toEqual(["best", "third-bigger", "third", "loss", null, "free", "unknown-dear", "unknown-cheap"]);
  });
});
