import { stat } from "node:fs/promises";
import { waitForUpdate, type Provider } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { buildCatalog, decimalOf } from "@/scripts/build-price-catalog";
import committed from "./catalog.json";
import type { Catalog, PriceRow } from "./price-book";

const catalog = committed as Catalog;
const EPOCH = "1970-01-01T00:00:00Z";

describe("decimalOf", () => {
  it.each([
    [2.5, "2.5"],
    [3, "3"],
    [0, "0"],
    [0.1 + 0.2, "0.3"],
    [0.18000000000000002, "0.18"],
    [0.08333333333333334, "0.083333333"],
    [0.0028, "0.0028"],
    [1e-7, "0.0000001"],
    [1.5e-9, "0.000000002"],
    [4e-10, "0"],
    [1e21, "1000000000000000000000"],
  ])("%s → %s", (value, expected) => {
    expect(decimalOf(value)).toBe(expected);
  });

  it.each([-1, Number.NaN, Infinity])("refuses %s", (value) => {
    expect(() => decimalOf(value)).toThrow();
  });
});

describe("buildCatalog", () => {
  // the published data.json shape: constraints may omit their type
  const acme = {
    id: "acme",
    name: "Acme",
    api_pattern: "",
    models: [
      { id: "m-a", match: { starts_with: "m-a" }, prices: { input_mtok: 1, output_mtok: 2 } },
      { id: "m-a-large", match: { or: [{ equals: "m-a-large-v2" }, { equals: "m-a-large" }] }, prices: { input_mtok: 5, output_mtok: 6 } },
      {
        id: "m-tier",
        match: { or: [{ equals: "m-tier-2025-01-01" }, { starts_with: "m-tier-" }, { regex: "^m-tier-\\d+$" }] },
        prices: { input_mtok: { base: 3, tiers: [{ start: 200000, price: 6 }] }, output_mtok: 15, cache_read_mtok: 0.3, cache_write_mtok: 3.75 },
      },
      {
        id: "m-dated",
        match: { equals: "m-dated" },
        prices: [
          { prices: { input_mtok: 10, output_mtok: 40 } },
          { constraint: { start_date: "2025-06-10" }, prices: { input_mtok: 2, output_mtok: 8 } },
        ],
      },
      {
        id: "m-peak",
        match: { equals: "m-peak" },
        prices: [
          { prices: { input_mtok: 0.135, output_mtok: 0.55 } },
          { constraint: { start_time: "00:30:00Z", end_time: "16:30:00Z" }, prices: { input_mtok: 0.27, output_mtok: 1.1 } },
        ],
      },
      {
        id: "m-short-peak",
        match: { equals: "m-short-peak" },
        prices: [
          { prices: { input_mtok: 0.14, output_mtok: 0.28 } },
          { constraint: { start_date: "2026-08-17", type: "start_date" }, prices: { input_mtok: 0.22, output_mtok: 0.66 } },
          { constraint: { start_time: "01:00:00Z", end_time: "04:00:00Z", type: "time_of_date" }, prices: { input_mtok: 0.44, output_mtok: 1.32 } },
        ],
      },
      { id: "x-audio", match: { or: [{ equals: "x-audio" }, { equals: "x-audio-1" }] }, prices: { audio_hours: 0.36 } },
      { id: "m-free", match: { equals: "m-free" }, prices: {} },
      { id: "m-embed", match: { equals: "m-embed" }, prices: { input_mtok: 0.02 } },
      { id: "m-reason", match: { equals: "m-reason" }, prices: { input_mtok: 2, output_mtok: 8, output_reasoning_mtok: 3 } },
    ],
  } as unknown as Provider;
  const built = buildCatalog([acme], "test");
  const rows = (model: string) => built.prices.filter((p) => p.model === model).map(({ effectiveFrom, inputPerMTok, outputPerMTok }) => [effectiveFrom, inputPerMTok, outputPerMTok]);

  it.each([
    ["m-tier: base tier of tiered prices", "m-tier", [[EPOCH, "3", "15"]]],
    ["m-dated: history from start dates", "m-dated", [[EPOCH, "10", "40"], ["2025-06-10T00:00:00Z", "2", "8"]]],
    ["m-peak: a window over half the day is the base", "m-peak", [[EPOCH, "0.27", "1.1"]]],
    ["m-short-peak: shorter windows are ignored", "m-short-peak", [[EPOCH, "0.14", "0.28"], ["2026-08-17T00:00:00Z", "0.22", "0.66"]]],
    ["x-audio: no token price, unpriced (and no alias)", "x-audio", []],
    ["m-free: empty price set, free", "m-free", [[EPOCH, "0", "0"]]],
    ["m-embed: no output price, output not billed", "m-embed", [[EPOCH, "0.02", "0"]]],
  ])("%s", (_name, model, expected) => {
    expect(rows(model)).toEqual(expected);
  });

  it("keeps cache and reasoning prices", () => {
    const tier = built.prices.find((p) => p.model === "m-tier");
    expect([tier?.cachedInputPerMTok, tier?.cacheWritePerMTok, tier?.reasoningPerMTok]).toEqual(["0.3", "3.75", null]);
    expect(built.prices.find((p) => p.model === "m-reason")?.reasoningPerMTok).toBe("3");
  });

  it("aliases rule literals to the first model accepting them", () => {
    expect(built.aliases).toEqual([
      { provider: "acme", alias: "m-a-large-v2", model: "m-a" },
      { provider: "acme", alias: "m-tier-2025-01-01", model: "m-tier" },
    ]);
  });
});

describe("committed lib/pricing/catalog.json", () => {
  const decimal = /^\d+(\.\d{1,9})?$/;
  const key = (p: Pick<PriceRow, "provider" | "model">) => `${p.provider}\0${p.model}`;

  it("has exact decimals, ISO dates and unique, sorted rows", () => {
    const keys = catalog.prices.map((p) => `${key(p)}\0${p.effectiveFrom}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(keys);
    for (const p of catalog.prices) {
      expect(p.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      for (const v of [p.inputPerMTok, p.outputPerMTok]) expect(v).toMatch(decimal);
      for (const v of [p.cachedInputPerMTok, p.cacheWritePerMTok, p.reasoningPerMTok]) if (v !== null) expect(v).toMatch(decimal);
    }
  });

  it("has aliases only to priced models", () => {
    const priced = new Set(catalog.prices.map(key));
    for (const a of catalog.aliases) expect(priced.has(key(a)), `${a.provider}/${a.alias}`).toBe(true);
  });

  it("covers the main vendors and hosts and stays small", async () => {
    const providers = new Set(catalog.prices.map((p) => p.provider));
    for (const id of ["openai", "anthropic", "google", "mistral", "deepseek", "aws", "azure", "groq", "together", "fireworks"]) {
      expect(providers).toContain(id);
    }
    expect((await stat(new URL("./catalog.json", import.meta.url))).size).toBeLessThan(1_000_000);
  });

  it.skipIf(!catalog.generatedFrom.startsWith("@pydantic/genai-prices@"))("matches the installed package data", async () => {
    expect(buildCatalog((await waitForUpdate()) ?? [], catalog.generatedFrom)).toEqual(catalog);
  });
});
