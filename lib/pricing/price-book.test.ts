import { describe, expect, it } from "vitest";
import { PriceBook, type AliasRow, type PriceRow } from "./price-book";

const EPOCH = "1970-01-01T00:00:00Z";
const AT = new Date("2025-06-01T00:00:00Z");

function row(provider: string, model: string, input: string, output: string, effectiveFrom = EPOCH): PriceRow {
  return {
    provider, model, effectiveFrom, inputPerMTok: input, outputPerMTok: output,
    cachedInputPerMTok: null, cacheWritePerMTok: null, reasoningPerMTok: null,
  };
}

const prices: PriceRow[] = [
  row("openai", "gpt-4o", "2.5", "10"),
  row("openai", "gpt-4o-mini", "0.15", "0.6"),
  row("openai", "o3", "10", "40"),
  row("openai", "o3", "2", "8", "2025-06-10T00:00:00Z"),
  row("anthropic", "claude-3-5-sonnet", "3", "15"),
  row("anthropic", "claude-3-5-haiku-latest", "0.8", "4"),
  row("google", "gemini-2.0-flash", "0.1", "0.4"),
  row("google", "claude-3-5-sonnet", "3.3", "16.5"),
  row("azure", "o1", "15", "60"),
  row("aws", "regional.anthropic.claude-3-5-sonnet-20241022-v2:0", "3.1", "15.1"),
  row("groq", "llama-3.3-70b-versatile", "0.59", "0.79"),
  row("openrouter", "openai/gpt-4o", "2.6", "10.1"),
  row("together", "meta-llama/Llama-3.3-70B-Instruct-Turbo", "0.88", "0.88"),
];
const aliases: AliasRow[] = [
  { provider: "openai", alias: "gpt-4o-2024-08-06", model: "gpt-4o" },
  { provider: "openai", alias: "gpt-4o-mini-2024-07-18", model: "gpt-4o-mini" },
  { provider: "anthropic", alias: "claude-3.5-sonnet", model: "claude-3-5-sonnet" },
  { provider: "aws", alias: "claude-3-5-sonnet-20241022", model: "regional.anthropic.claude-3-5-sonnet-20241022-v2:0" },
];
const book = new PriceBook({ prices, aliases });

function resolved(provider: string | null, model: string, at = AT) {
  const price = book.resolve({ provider, model, at });
  return price && `${price.provider}/${price.model} ${price.inputPerMTok}`;
}

describe("PriceBook.resolve: names", () => {
  it.each([
    // exact, case-insensitive, aliases
    ["openai", "gpt-4o", "openai/gpt-4o 2500000000"],
    ["OpenAI", "GPT-4o", "openai/gpt-4o 2500000000"],
    ["openai", "gpt-4o-2024-08-06", "openai/gpt-4o 2500000000"],
    [null, "gpt-4o-mini-2024-07-18", "openai/gpt-4o-mini 150000000"],
    [null, "claude-3.5-sonnet", "anthropic/claude-3-5-sonnet 3000000000"],
    // dated snapshots and suffixes stripped
    [null, "gpt-4o-2024-11-20", "openai/gpt-4o 2500000000"],
    [null, "gpt-4o-0513", "openai/gpt-4o 2500000000"],
    [null, "claude-3-5-sonnet-20241022", "anthropic/claude-3-5-sonnet 3000000000"],
    [null, "claude-3-5-sonnet-latest", "anthropic/claude-3-5-sonnet 3000000000"],
    [null, "claude-3-5-haiku-20241022", "anthropic/claude-3-5-haiku-latest 800000000"],
    ["vertex_ai", "claude-3-5-sonnet-v2@20241022", "google/claude-3-5-sonnet 3300000000"],
    ["gemini", "gemini-2.0-flash-001", "google/gemini-2.0-flash 100000000"],
    // qualified names
    [null, "openai/gpt-4o", "openai/gpt-4o 2500000000"],
    ["openrouter", "openai/gpt-4o", "openrouter/openai/gpt-4o 2600000000"],
    ["google", "models/gemini-2.0-flash", "google/gemini-2.0-flash 100000000"],
    ["bedrock", "anthropic.claude-3-5-sonnet-20241022-v2:0", "aws/regional.anthropic.claude-3-5-sonnet-20241022-v2:0 3100000000"],
    ["aws.bedrock", "us.anthropic.claude-3-5-sonnet-20241022-v2:0", "aws/regional.anthropic.claude-3-5-sonnet-20241022-v2:0 3100000000"],
    [null, "anthropic.claude-3-5-sonnet-20241022-v2:0", "anthropic/claude-3-5-sonnet 3000000000"],
    ["together_ai", "meta-llama/llama-3.3-70b-instruct-turbo", "together/meta-llama/Llama-3.3-70B-Instruct-Turbo 880000000"],
  ])("%s %s → %s", (provider, model, expected) => {
    expect(resolved(provider, model)).toBe(expected);
  });

  it.each([
    // a reseller without the model falls back to the vendor's price
    ["azure", "gpt-4o", "openai/gpt-4o 2500000000"],
    ["azure-openai", "o1-2024-12-17", "azure/o1 15000000000"],
    ["bedrock", "claude-3-5-haiku-20241022", "anthropic/claude-3-5-haiku-latest 800000000"],
    // an unknown provider matches by model, vendors first
    ["my-gateway", "claude-3-5-sonnet", "anthropic/claude-3-5-sonnet 3000000000"],
    [null, "llama-3.3-70b-versatile", "groq/llama-3.3-70b-versatile 590000000"],
    // vendors only: a reseller's own model is not used for another reseller
    ["azure", "llama-3.3-70b-versatile", null],
  ])("provider fallback: %s %s → %s", (provider, model, expected) => {
    expect(resolved(provider, model)).toBe(expected);
  });

  it.each([
    [null, "totally-unknown-model"],
    ["openai", "gpt-5-unreleased"],
    [null, "ft:gpt-4o-mini-2024-07-18:acme::abc123"],
    [null, "   "],
  ])("unknown: %s %j → null", (provider, model) => {
    expect(book.resolve({ provider, model, at: AT })).toBeNull();
  });
});

describe("PriceBook.resolve: price history", () => {
  it.each([
    ["2025-06-09T23:59:59.999Z", 10_000_000_000n],
    ["2025-06-10T00:00:00Z", 2_000_000_000n],
    ["2030-01-01T00:00:00Z", 2_000_000_000n],
    ["1999-01-01T00:00:00Z", 10_000_000_000n],
  ])("o3 at %s costs %s per MTok of input", (at, input) => {
    expect(book.resolve({ provider: "openai", model: "o3", at: new Date(at) })?.inputPerMTok).toBe(input);
  });

  it("has no price before the first effectiveFrom", () => {
    const dated = new PriceBook({ prices: [row("acme", "m1", "1", "2", "2025-01-01T00:00:00Z")], aliases: [] });
    expect(dated.resolve({ provider: "acme", model: "m1", at: new Date("2024-12-31T00:00:00Z") })).toBeNull();
    expect(dated.resolve({ provider: "acme", model: "m1", at: new Date("2025-01-01T00:00:00Z") })?.inputPerMTok).toBe(1_000_000_000n);
  });
});

describe("PriceBook.resolve: overrides", () => {
  const overrides = [
    row("openai", "gpt-4o", "2", "8", "2025-03-01T00:00:00Z"),
    row("azure_openai", "gpt-4o", "1.9", "7.9", "2025-01-01T00:00:00Z"),
    row("acme", "in-house-llm", "0.5", "0.5"),
  ];
  const withOverrides = new PriceBook({ prices, aliases }, overrides);

  it.each([
    ["openai", "gpt-4o", "2025-02-28T00:00:00Z", "catalog", 2_500_000_000n],
    ["openai", "gpt-4o", "2025-03-01T00:00:00Z", "override", 2_000_000_000n],
    ["openai", "gpt-4o-2024-08-06", "2025-06-01T00:00:00Z", "override", 2_000_000_000n],
    ["azure", "gpt-4o", "2025-06-01T00:00:00Z", "override", 1_900_000_000n],
    ["azure", "gpt-4o", "2024-06-01T00:00:00Z", "catalog", 2_500_000_000n],
    // without a provider, the providers the organisation overrides come first
    [null, "gpt-4o", "2025-06-01T00:00:00Z", "override", 2_000_000_000n],
    [null, "gpt-4o", "2025-02-01T00:00:00Z", "override", 1_900_000_000n],
    ["acme", "in-house-llm", "2025-06-01T00:00:00Z", "override", 500_000_000n],
    [null, "in-house-llm", "2025-06-01T00:00:00Z", "override", 500_000_000n],
  ])("%s %s at %s: %s %s", (provider, model, at, source, input) => {
    const price = withOverrides.resolve({ provider, model, at: new Date(at) });
    expect(price?.source).toBe(source);
    expect(price?.inputPerMTok).toBe(input);
  });
});

describe("PriceBook.fromCatalogFile", () => {
  const catalog = PriceBook.fromCatalogFile();

  it.each([
    ["openai", "gpt-4o-mini-2024-07-18", "openai", "gpt-4o-mini"],
    [null, "gpt-4o-2024-08-06", "openai", "gpt-4o"],
    [null, "claude-3-5-sonnet-20241022", "anthropic", "claude-3-5-sonnet"],
    ["anthropic", "claude-sonnet-4-20250514", "anthropic", "claude-sonnet-4-0"],
    ["azure_openai", "gpt-4o", "openai", "gpt-4o"],
    ["bedrock", "us.anthropic.claude-3-5-sonnet-20241022-v2:0", "aws", "regional.anthropic.claude-3-5-sonnet-20241022-v2:0"],
    ["vertex", "gemini-2.0-flash-001", "google", "gemini-2.0-flash"],
    ["deepseek", "deepseek-chat", "deepseek", "deepseek-chat"],
    ["mistral", "mistral-large-latest", "mistral", "mistral-large"],
    ["groq", "llama-3.3-70b-versatile", "groq", "llama-3.3-70b-versatile"],
  ])("%s %s → %s/%s", (provider, model, expectedProvider, expectedModel) => {
    const price = catalog.resolve({ provider, model, at: new Date("2025-06-01T00:00:00Z") });
    expect(price && [price.provider, price.model]).toEqual([expectedProvider, expectedModel]);
  });
});

describe("PriceBook.unchangedAround", () => {
  const book = new PriceBook({ prices: [row("openai", "gpt-4o", "2.5", "10", "2024-01-01T00:00:00Z")], aliases: [] }, [row("openai", "gpt-4o", "1", "1", "2026-11-01T10:15:30Z")]);
  const catalogFrom = Date.parse("2024-01-01T00:00:00Z");
  const overrideFrom = Date.parse("2026-11-01T10:15:30Z");

  it("ends a span at an override starting mid-minute, and starts the next there", () => {
    expect(book.unchangedAround(new Date("2026-11-01T10:15:10Z"))).toEqual({ from: catalogFrom, until: overrideFrom });
    expect(book.unchangedAround(new Date("2026-11-01T10:15:29.999Z"))).toEqual({ from: catalogFrom, until: overrideFrom });
    expect(book.unchangedAround(new Date("2026-11-01T10:15:30Z"))).toEqual({ from: overrideFrom, until: Infinity });
    expect(book.unchangedAround(new Date("2026-11-01T10:15:50Z"))).toEqual({ from: overrideFrom, until: Infinity });
  });

  it("is open before the first price", () => {
    expect(book.unchangedAround(new Date("2023-01-01T00:00:00Z"))).toEqual({ from: -Infinity, until: catalogFrom });
  });
});
