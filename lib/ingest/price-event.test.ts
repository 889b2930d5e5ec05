import { describe, expect, it } from "vitest";
import { PriceBook } from "@/lib/pricing/price-book";
import { memoResolver, priceEvent } from "./price-event";

const book = new PriceBook(
  {
    prices: [
      { provider: "openai", model: "gpt-4o", effectiveFrom: "2024-01-01T00:00:00Z", inputPerMTok: "2.5", outputPerMTok: "10", cachedInputPerMTok: "1.25", cacheWritePerMTok: null, reasoningPerMTok: null },
    ],
    aliases: [],
  },
  [],
);
const resolve = memoResolver(book);
const usage = { inputTokens: 2000, outputTokens: 500, cachedInputTokens: 1000, cacheWriteTokens: 0, reasoningTokens: 0 };
const at = new Date("2026-11-01T00:00:00Z");

describe("priceEvent", () => {
  it("prices from the catalog at the timestamp", () => {
    // 1000 × 2.5 + 1000 × 1.25 + 500 × 10 per million = 0.00875
    expect(priceEvent({ provider: "openai", model: "gpt-4o-2024-08-06", at, usage, cacheHit: false }, resolve)).toEqual({
      costUsd: "0.008750000", savedUsd: "0.000000000", costSource: "catalog", unpriced: false, pricedModel: "gpt-4o",
    });
  });

  it("takes the client's cost when sent", () => {
    expect(priceEvent({ provider: "openai", model: "gpt-4o", at, usage, cacheHit: false, costUsd: "0.5" }, resolve)).toMatchObject({ costUsd: "0.5", costSource: "client" });
  });

  it("counts an application cache hit as savings, not spend", () => {
    expect(priceEvent({ provider: "openai", model: "gpt-4o", at, usage, cacheHit: true }, resolve)).toMatchObject({ costUsd: "0.000000000", savedUsd: "0.008750000", costSource: "cache_hit" });
  });

  it("flags an unknown model as unpriced, never free", () => {
    expect(priceEvent({ provider: "acme", model: "secret-llm", at, usage, cacheHit: false }, resolve)).toEqual({
      costUsd: "0.000000000", savedUsd: "0.000000000", costSource: "unpriced", unpriced: true, pricedModel: null,
    });
  });

  it("does not price before the price's effective date", () => {
    expect(priceEvent({ provider: "openai", model: "gpt-4o", at: new Date("2023-06-01T00:00:00Z"), usage, cacheHit: false }, resolve).unpriced).toBe(true);
  });
});
