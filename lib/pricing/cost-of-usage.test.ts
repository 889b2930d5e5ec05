import { describe, expect, it } from "vitest";
import { formatUsd, parseUsd } from "@/lib/money";
import { costOfUsage } from "./cost-of-usage";
import type { ModelPrice, Usage } from "./types";

function price(input: string, output: string, extra: { cached?: string; write?: string; reasoning?: string } = {}): ModelPrice {
  const nanos = (v?: string) => (v === undefined ? null : parseUsd(v));
  return {
    provider: "p", model: "m", effectiveFrom: new Date(0), source: "catalog",
    inputPerMTok: parseUsd(input), outputPerMTok: parseUsd(output),
    cachedInputPerMTok: nanos(extra.cached), cacheWritePerMTok: nanos(extra.write), reasoningPerMTok: nanos(extra.reasoning),
  };
}

function usage(u: Partial<Usage>): Usage {
  return { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, ...u };
}

const gpt4o = price("2.5", "10", { cached: "1.25" });
const sonnet = price("3", "15", { cached: "0.3", write: "3.75" });
const o3 = price("2", "8", { cached: "0.5" });
const deepResearch = price("2", "8", { reasoning: "3" });
const plain = price("0.6", "2.4");

describe("costOfUsage", () => {
  it.each([
    // OpenAI style: prompt_tokens includes the cached tokens
    ["gpt-4o, no cache", gpt4o, usage({ inputTokens: 1000, outputTokens: 500 }), "0.007500000"],
    ["gpt-4o, 800 of 1000 cached", gpt4o, usage({ inputTokens: 1000, cachedInputTokens: 800, outputTokens: 500 }), "0.006500000"],
    // Anthropic style, normalised: input = uncached 100 + read 4000 + write 1000
    ["sonnet, read and write", sonnet, usage({ inputTokens: 5100, cachedInputTokens: 4000, cacheWriteTokens: 1000, outputTokens: 200 }), "0.008250000"],
    ["sonnet, cache write only", sonnet, usage({ inputTokens: 4740, cacheWriteTokens: 4735, outputTokens: 255 }), "0.021596250"],
    // no separate cache prices: cached reads and writes cost the input price
    ["no cache prices", plain, usage({ inputTokens: 1000, cachedInputTokens: 400, cacheWriteTokens: 100, outputTokens: 10 }), "0.000624000"],
    // reasoning billed as output when the model has no reasoning price
    ["o3, reasoning in output", o3, usage({ inputTokens: 1000, outputTokens: 3000, reasoningTokens: 2500 }), "0.026000000"],
    ["reasoning priced apart", deepResearch, usage({ inputTokens: 1000, outputTokens: 3000, reasoningTokens: 2500 }), "0.013500000"],
    // inconsistent counts never go below zero
    ["cache above input", sonnet, usage({ inputTokens: 100, cachedInputTokens: 150 }), "0.000045000"],
    ["reasoning above output", deepResearch, usage({ outputTokens: 10, reasoningTokens: 20 }), "0.000060000"],
    ["nothing", gpt4o, usage({}), "0.000000000"],
  ])("%s", (_name, p, u, expected) => {
    expect(formatUsd(costOfUsage(u, p))).toBe(expected);
  });

  it("is exact where floats are not", () => {
    // 0.1 + 0.2 per token in floats is 0.30000000000000004
    const cheap = price("100000", "200000");
    expect(costOfUsage(usage({ inputTokens: 1, outputTokens: 1 }), cheap)).toBe(300_000_000n);
    // a million calls of 7 tokens at 0.15/MTok: a float sum of them drifts off 1.05, nano-dollars do not
    const perCall = costOfUsage(usage({ inputTokens: 7 }), price("0.15", "0"));
    expect(perCall).toBe(1050n);
    expect(formatUsd(perCall * 1_000_000n)).toBe("1.050000000");
  });

  it("rounds once, half away from zero, to the nano-dollar", () => {
    // 1 token at 0.0005/MTok is 0.5 nano-dollars
    expect(costOfUsage(usage({ inputTokens: 1 }), price("0.0005", "0"))).toBe(1n);
    expect(costOfUsage(usage({ inputTokens: 1 }), price("0.000499999", "0"))).toBe(0n);
    // two half nano-dollars make one, not two
    expect(costOfUsage(usage({ inputTokens: 1, outputTokens: 1 }), price("0.0005", "0.0005"))).toBe(1n);
  });

  it("handles token counts beyond float precision of their products", () => {
    const huge = usage({ inputTokens: 9_000_000_000_000, outputTokens: 1 });
    expect(formatUsd(costOfUsage(huge, price("3.333333333", "0.000000001")))).toBe("29999999.997000000");
  });
});
