import { describe, expect, it } from "vitest";
import { detectPromptBloat } from "./detect-prompt-bloat";
import { CLEAN_FEATURES, makeCells, priceOf, windowOf } from "./synthetic-usage.test-helpers";

const DAYS = 56;
const window = windowOf(30);

describe("detectPromptBloat", () => {
  it("flags nothing when prompts keep their length", () => {
    expect(detectPromptBloat({ cells: makeCells(CLEAN_FEATURES, DAYS), window, priceOf })).toEqual([]);
  });

  it("finds input tokens per call rising week after week and prices the growth", () => {
    const features = CLEAN_FEATURES.map((f) => (f.feature !== "answer" ? f : { ...f, day: (i: number) => ({ inputPerCall: 6_000 * 1.02 ** i }) }));
    const found = detectPromptBloat({ cells: makeCells(features, DAYS), window, priceOf });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "prompt_bloat", team: "search", feature: "answer" });
    // 2 % a day over seven weeks is about 2.6×
    expect(found[0].evidence.growth as number).toBeGreaterThan(1.2);
    // extra ≈ 11,000 tokens × 400 calls a day × $3/M ≈ $13 a day, about $400 a month
    expect(Number(found[0].monthlySavings) / 1e9).toBeGreaterThan(250);
    expect(Number(found[0].monthlySavings) / 1e9).toBeLessThan(600);
  });

  it("is not fooled by one long week", () => {
    const features = CLEAN_FEATURES.map((f) => (f.feature !== "answer" ? f : { ...f, day: (i: number) => (i >= 49 ? { inputPerCall: 20_000 } : {}) }));
    expect(detectPromptBloat({ cells: makeCells(features, DAYS), window, priceOf })).toEqual([]);
  });
});
