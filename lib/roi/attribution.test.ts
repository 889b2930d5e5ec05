import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseUsd } from "@/lib/money";
import { attributeOutcomes, type CallCell, cellKey, MICRO, splitExact } from "./attribution";

const usd = parseUsd;
const call = (teamId: string, feature: string, model: string, cost: string, calls = 1n): CallCell => ({ teamId, feature, model, costNanos: usd(cost), calls });
const outcome = (teamId: string, feature: string, value: string, count = 1n, kind = "won") => ({ teamId, feature, kind, valueNanos: usd(value), countMicros: count * MICRO });
const traced = (group: ReturnType<typeof outcome>, traceId: string, teamCallsOnly = false) => ({ ...group, traceId, teamCallsOnly });

function credits(cells: ReturnType<typeof attributeOutcomes>) {
  return Object.fromEntries(
    [...cells.values()].map((c) => [
      `${c.teamId}/${c.feature}/${c.model}`,
      Object.fromEntries([...c.byKind].map(([kind, v]) => [kind, [v.valueNanos, v.outcomeMicros]])),
    ]),
  );
}

describe("splitExact", () => {
  it("splits in proportion, the remainder to the largest fractions", () => {
    expect(splitExact(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    expect(splitExact(100n, [3n, 1n])).toEqual([75n, 25n]);
    expect(splitExact(1n, [1n, 2n])).toEqual([0n, 1n]);
    expect(splitExact(0n, [5n, 0n])).toEqual([0n, 0n]);
    expect(splitExact(7n, [0n, 3n])).toEqual([0n, 7n]);
  });

  it("ties go to the first cell", () => {
    expect(splitExact(1n, [1n, 1n])).toEqual([1n, 0n]);
    expect(splitExact(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]);
  });

  it("refuses nothing to weigh and negative totals", () => {
    expect(() => splitExact(1n, [0n, 0n])).toThrow(RangeError);
    expect(() => splitExact(-1n, [1n])).toThrow(RangeError);
  });

  it("always adds up to the total, each part within one unit of its exact share", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.array(fc.bigInt({ min: 0n, max: 10n ** 15n }), { minLength: 1, maxLength: 12 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0n));
        const parts = splitExact(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0n);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
        parts.forEach((p, i) => {
          const floor = (total * weights[i]) / sum;
          expect(p === floor || p === floor + 1n).toBe(true);
        });
      }),
    );
  });
});

describe("attributeOutcomes", () => {
  it("rule 1: a traced outcome follows its trace's calls, split by cost across models (and teams, features)", () => {
    const traceCalls = new Map([["t1", [call("a", "answer", "gpt-4o", "0.30"), call("a", "answer", "gpt-4o-mini", "0.10", 3n), call("b", "rerank", "small", "0.20")]]]);
    const cells = attributeOutcomes({
      periodCalls: [],
      plain: [],
      traced: [traced(outcome("a", "answer", "1.000000001"), "t1")],
      traceCalls,
    });
    // 1.000000001 × (3, 1, 2) / 6 = 0.5000000005, 0.16666666683, 0.33333333367: the two nanos
    // left after rounding down go to the largest remainders (.83 and .67), not to the half
    expect(credits(cells)).toEqual({
      "a/answer/gpt-4o": { won: [500_000_000n, 500_000n] },
      "a/answer/gpt-4o-mini": { won: [166_666_667n, 166_667n] },
      "b/rerank/small": { won: [333_333_334n, 333_333n] },
    });
    const total = [...cells.values()].flatMap((c) => [...c.byKind.values()]).reduce((a, c) => a + c.valueNanos, 0n);
    expect(total).toBe(usd("1.000000001"));
  });

  it("rule 1: a trace that cost nothing is split by calls", () => {
    const traceCalls = new Map([["t1", [call("a", "f", "m1", "0", 1n), call("a", "f", "m2", "0", 3n)]]]);
    const cells = attributeOutcomes({ periodCalls: [], plain: [], traced: [traced(outcome("a", "f", "4"), "t1")], traceCalls });
    expect(credits(cells)).toEqual({ "a/f/m1": { won: [usd("1"), 250_000n] }, "a/f/m2": { won: [usd("3"), 750_000n] } });
  });

  it("rule 2: an untraced outcome goes to its team and feature, split by the calls of each model in the period", () => {
    const periodCalls = [call("a", "answer", "big", "9.00", 1n), call("a", "answer", "small", "1.00", 3n), call("a", "other", "big", "5", 10n), call("b", "answer", "big", "5", 10n)];
    const cells = attributeOutcomes({ periodCalls, plain: [outcome("a", "answer", "8.00", 4n)], traced: [], traceCalls: new Map() });
    expect(credits(cells)).toEqual({ "a/answer/big": { won: [usd("2"), 1_000_000n] }, "a/answer/small": { won: [usd("6"), 3_000_000n] } });
  });

  it("rule 2: the outcomes of one team, feature and kind are split together; kinds apart", () => {
    const periodCalls = [call("a", "f", "m1", "1"), call("a", "f", "m2", "1")];
    const plain = [outcome("a", "f", "0.000000001"), outcome("a", "f", "0.000000001"), outcome("a", "f", "0.000000003", 1n, "other")];
    const cells = attributeOutcomes({ periodCalls, plain, traced: [], traceCalls: new Map() });
    expect(credits(cells)).toEqual({
      "a/f/m1": { won: [1n, 1_000_000n], other: [2n, 500_000n] },
      "a/f/m2": { won: [1n, 1_000_000n], other: [1n, 500_000n] },
    });
  });

  it("an outcome before its events: a trace without calls counts for its team and feature, on model null without calls in the period", () => {
    const late = [traced(outcome("a", "f", "2.5"), "late")];
    expect(credits(attributeOutcomes({ periodCalls: [], plain: [], traced: late, traceCalls: new Map() }))).toEqual({ "a/f/null": { won: [usd("2.5"), MICRO] } });
    const periodCalls = [call("a", "f", "m1", "1")];
    expect(credits(attributeOutcomes({ periodCalls, plain: [], traced: late, traceCalls: new Map([["late", []]]) }))).toEqual({ "a/f/m1": { won: [usd("2.5"), MICRO] } });
    const arrived = new Map([["late", [call("a", "f", "m2", "0.01")]]]);
    expect(credits(attributeOutcomes({ periodCalls, plain: [], traced: late, traceCalls: arrived }))).toEqual({ "a/f/m2": { won: [usd("2.5"), MICRO] } });
  });

  it("rule 1, team-bound key: the outcome takes only its own team's calls of the trace; with none, rule 2", () => {
    const traceCalls = new Map([["t1", [call("a", "f", "m1", "0.10"), call("b", "g", "m2", "0.90")]]]);
    const periodCalls = [call("a", "f", "m3", "1")];
    const own = attributeOutcomes({ periodCalls, plain: [], traced: [traced(outcome("a", "f", "5"), "t1", true)], traceCalls });
    expect(credits(own)).toEqual({ "a/f/m1": { won: [usd("5"), MICRO] } });
    // team c has no call in trace t1 (nor in the period): the value stays on c, never on a or b
    const other = attributeOutcomes({ periodCalls, plain: [], traced: [traced(outcome("c", "f", "5"), "t1", true)], traceCalls });
    expect(credits(other)).toEqual({ "c/f/null": { won: [usd("5"), MICRO] } });
    // sent with an org-wide key, the same outcome follows the whole trace
    const orgWide = attributeOutcomes({ periodCalls, plain: [], traced: [traced(outcome("c", "f", "5"), "t1")], traceCalls });
    expect(credits(orgWide)).toEqual({ "a/f/m1": { won: [usd("0.5"), 100_000n] }, "b/g/m2": { won: [usd("4.5"), 900_000n] } });
  });

  it("preserves every outcome's value and count exactly, whatever the cells", () => {
    const cellArb = fc.record({
      teamId: fc.constantFrom("a", "b"),
      feature: fc.constantFrom("f", "g"),
      model: fc.constantFrom("m1", "m2", "m3"),
      costNanos: fc.bigInt({ min: 0n, max: 10n ** 12n }),
      calls: fc.bigInt({ min: 1n, max: 1000n }),
    });
    const outcomeArb = fc.record({
      teamId: fc.constantFrom("a", "b", "c"),
      feature: fc.constantFrom("f", "g"),
      kind: fc.constantFrom("x", "y"),
      valueNanos: fc.bigInt({ min: 0n, max: 10n ** 15n }),
      countMicros: fc.bigInt({ min: 1n, max: 1000n }).map((n) => n * MICRO),
      traceId: fc.option(fc.constantFrom("t1", "t2", "t3"), { nil: undefined }),
      teamCallsOnly: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 8 }), fc.array(cellArb, { maxLength: 6 }), fc.array(outcomeArb, { maxLength: 10 }), (period, traceCells, outcomes) => {
        const periodCalls = [...new Map(period.map((c) => [cellKey(c), c])).values()];
        const traceCalls = new Map([["t1", [...new Map(traceCells.map((c) => [cellKey(c), c])).values()]]]);
        const plain = outcomes.filter((o) => !o.traceId);
        const tracedGroups = outcomes.filter((o) => o.traceId).map((o) => ({ ...o, traceId: o.traceId! }));
        const cells = attributeOutcomes({ periodCalls, plain, traced: tracedGroups, traceCalls });
        const all = [...cells.values()].flatMap((c) => [...c.byKind.values()]);
        expect(all.reduce((a, c) => a + c.valueNanos, 0n)).toBe(outcomes.reduce((a, o) => a + o.valueNanos, 0n));
        expect(all.reduce((a, c) => a + c.outcomeMicros, 0n)).toBe(outcomes.reduce((a, o) => a + o.countMicros, 0n));
      }),
    );
  });
});
