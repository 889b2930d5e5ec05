import { describe, expect, it } from "vitest";
import { detectRedundancy } from "./detect-redundancy";
import { CLEAN_FEATURES, makeCells, priceOf, windowOf } from "./synthetic-usage.test-helpers";
import type { PromptRepeats } from "./types";

const window = windowOf(14);
const cells = makeCells(CLEAN_FEATURES, 14);

/** Repeats as a clean organisation has them: 1–4 % of calls, costing what an average call costs. */
function cleanRepeats(): PromptRepeats[] {
  return CLEAN_FEATURES.map((f, i) => {
    const own = cells.filter((c) => c.feature === f.feature);
    const calls = own.reduce((n, c) => n + c.events, 0);
    const cost = own.reduce((n, c) => n + c.cost, 0n);
    const repeatedCalls = Math.round(calls * (0.01 + 0.004 * i));
    return { team: f.team, feature: f.feature, hashedCalls: calls, repeatedCalls, repeatedCost: (cost * BigInt(repeatedCalls)) / BigInt(calls) };
  });
}

describe("detectRedundancy", () => {
  it("flags nothing when few prompts repeat", () => {
    expect(detectRedundancy({ repeats: cleanRepeats(), window, cells, priceOf })).toEqual([]);
  });

  it("finds the feature that sends the same prompts again and prices an exact cache", () => {
    const repeats = cleanRepeats();
    const drafts = repeats.find((r) => r.feature === "reply-drafts")!;
    drafts.repeatedCalls = Math.round(drafts.hashedCalls * 0.36);
    drafts.repeatedCost = 70_000_000_000n; // $70 over 14 days
    const found = detectRedundancy({ repeats, window, cells, priceOf });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "redundancy", team: "support", feature: "reply-drafts" });
    // $70 in 14 days is $152.19 a month
    expect(found[0].monthlySavings).toBe(152_187_500_000n);
    expect(found[0].evidence).toMatchObject({ repeatedShare: 0.36, cacheHits: 0 });
    // gpt-4.1-mini has a cached-input price and the synthetic feature reads 40 % of its input from the cache
    expect(found[0].evidence.promptCachingUptake).toBeCloseTo(0.4, 2);
  });
});
