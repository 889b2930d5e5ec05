import { describe, expect, it } from "vitest";
import { detectRightSizing } from "./detect-right-sizing";
import { candidates, CLEAN_FEATURES, makeCells, priceOf, windowOf } from "./synthetic-usage.test-helpers";

const TRIAGE_ON_OPUS = { team: "support", feature: "triage-opus", provider: "anthropic", model: "claude-opus-4-1", callsPerDay: 600, inputPerCall: 900, outputPerCall: 6 };

describe("detectRightSizing", () => {
  it("flags nothing on a clean organisation", () => {
    expect(detectRightSizing({ cells: makeCells(CLEAN_FEATURES, 30), window: windowOf(30), priceOf, candidates })).toEqual([]);
  });

  it("finds routine calls on a frontier model and prices the cheaper candidates, same provider first", () => {
    const cells = makeCells([...CLEAN_FEATURES, TRIAGE_ON_OPUS], 30);
    const found = detectRightSizing({ cells, window: windowOf(30), priceOf, candidates });
    expect(found).toHaveLength(1);
    const [insight] = found;
    expect(insight).toMatchObject({ kind: "right_size", team: "support", feature: "triage-opus", model: "claude-opus-4-1" });
    const options = insight.evidence.candidates as Array<{ provider: string; model: string; monthlySavingsUsd: string }>;
    expect(options[0].provider).toBe("anthropic");
    expect(options.length).toBeGreaterThan(1);
    // opus: 600 calls × (900 × $15 + 6 × $75) / 1M a day ≈ $8.37 a day, about $255 a month
    expect(Number(insight.atStake) / 1e9).toBeGreaterThan(230);
    expect(Number(insight.atStake) / 1e9).toBeLessThan(280);
    // haiku 4.5 costs 1/15 of opus: savings are 14/15 of the cost
    expect(Number(insight.monthlySavings) / Number(insight.atStake)).toBeCloseTo(14 / 15, 1);
    expect(insight.action).toMatchObject({ type: "create_budget", budget: { scope: { type: "feature", value: "triage-opus" }, action: "downgrade", downgradeTo: options[0].model } });
  });

  it("shows cost per outcome of each model where ROI data exists", () => {
    const cells = makeCells([TRIAGE_ON_OPUS], 30);
    const costPerOutcome = (_feature: string, model: string) => (model === "claude-opus-4-1" ? 2_000_000_000n : model === "claude-3-5-haiku" ? 150_000_000n : null);
    const [insight] = detectRightSizing({ cells, window: windowOf(30), priceOf, candidates, costPerOutcome });
    expect(insight.evidence.costPerOutcomeUsd).toBe("2.000000000");
    const haiku = (insight.evidence.candidates as Array<{ model: string; costPerOutcomeUsd: string | null }>).find((c) => c.model === "claude-3-5-haiku");
    expect(haiku?.costPerOutcomeUsd).toBe("0.150000000");
  });

  it("leaves low-volume and long-output work alone", () => {
    const rare = { ...TRIAGE_ON_OPUS, feature: "rare", callsPerDay: 3 };
    const essays = { ...TRIAGE_ON_OPUS, feature: "essays", outputPerCall: 2_000 };
    expect(detectRightSizing({ cells: makeCells([rare, essays], 30), window: windowOf(30), priceOf, candidates })).toEqual([]);
  });
});
