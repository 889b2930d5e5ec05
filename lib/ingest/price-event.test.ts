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

describe("memoResolver", () => {
  // an override from 10:15:30 at $1/M, mid-minute: the catalog's $2.5/M before it
  const overridden = new PriceBook(
    { prices: [{ provider: "openai", model: "gpt-4o", effectiveFrom: "2024-01-01T00:00:00Z", inputPerMTok: "2.5", outputPerMTok: "10", cachedInputPerMTok: null, cacheWritePerMTok: null, reasoningPerMTok: null }], aliases: [] },
    [{ provider: "openai", model: "gpt-4o", effectiveFrom: "2026-11-01T10:15:30Z", inputPerMTok: "1", outputPerMTok: "1", cachedInputPerMTok: null, cacheWritePerMTok: null, reasoningPerMTok: null }],
  );
  const before = new Date("2026-11-01T10:15:10Z");
  const after = new Date("2026-11-01T10:15:50Z");
  const sourceAt = (resolve: ReturnType<typeof memoResolver>, at: Date) => resolve("openai", "gpt-4o", at)?.source;

  it("prices an event before a mid-minute override at the catalog, even after one priced by the override", () => {
    const resolve = memoResolver(overridden);
    expect(sourceAt(resolve, after)).toBe("override");
    expect(sourceAt(resolve, before)).toBe("catalog");
  });

  it("prices an event after a mid-minute override by it, even after one priced at the catalog", () => {
    const resolve = memoResolver(overridden);
    expect(sourceAt(resolve, before)).toBe("catalog");
    expect(sourceAt(resolve, after)).toBe("override");
    // to the millisecond: the override's first instant is its own
    expect(sourceAt(resolve, new Date("2026-11-01T10:15:29.999Z"))).toBe("catalog");
    expect(sourceAt(resolve, new Date("2026-11-01T10:15:30.000Z"))).toBe("override");
  });
});
