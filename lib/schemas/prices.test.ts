import { describe, expect, it } from "vitest";
import { issuePath } from "@/lib/http/zod-error";
import { CreatePriceOverrideBody, ListCatalogPricesQuery } from "./prices";

const valid = { provider: " OpenAI ", model: " gpt-4o ", effectiveFrom: "2026-12-01T00:00:00Z", inputPerMTok: "2.125", outputPerMTok: 10 };

function pathsOf(input: unknown): string[] {
  const result = CreatePriceOverrideBody.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issuePath(issue.path));
}

describe("CreatePriceOverrideBody", () => {
  it("normalises names and prices to canonical 9-place decimals; optional prices default to null", () => {
    expect(CreatePriceOverrideBody.parse(valid)).toEqual({
      provider: "openai",
      model: "gpt-4o",
      effectiveFrom: "2026-12-01T00:00:00Z",
      inputPerMTok: "2.125000000",
      outputPerMTok: "10.000000000",
      cachedInputPerMTok: null,
      cacheWritePerMTok: null,
      reasoningPerMTok: null,
    });
  });

  it("takes empty optional prices as absent and keeps zero as a price", () => {
    const parsed = CreatePriceOverrideBody.parse({ ...valid, cachedInputPerMTok: "", cacheWritePerMTok: null, reasoningPerMTok: "0" });
    expect(parsed).toMatchObject({ cachedInputPerMTok: null, cacheWritePerMTok: null, reasoningPerMTok: "0.000000000" });
  });

  it("accepts offsets and fractional seconds in effectiveFrom", () => {
    expect(CreatePriceOverrideBody.safeParse({ ...valid, effectiveFrom: "2026-12-01T01:00:00.5+01:00" }).success).toBe(true);
  });

  it.each([
    ["a negative price", { inputPerMTok: "-1" }, ["inputPerMTok"]],
    ["more than 9 decimal places", { outputPerMTok: "0.0000000001" }, ["outputPerMTok"]],
    ["a price that is not a number", { cachedInputPerMTok: "cheap" }, ["cachedInputPerMTok"]],
    ["a price above the bound", { reasoningPerMTok: "1000000.000000001" }, ["reasoningPerMTok"]],
    ["a date without a time", { effectiveFrom: "2026-12-01" }, ["effectiveFrom"]],
    ["a date-time without a zone", { effectiveFrom: "2026-12-01T00:00:00" }, ["effectiveFrom"]],
    ["an empty model", { model: "  " }, ["model"]],
    ["a missing provider", { provider: undefined }, ["provider"]],
    ["a missing required price", { inputPerMTok: undefined }, ["inputPerMTok"]],
    ["an unknown field", { discount: "10%" }, [""]],
  ])("refuses %s, naming the field", (_what, change, paths) => {
    expect(pathsOf({ ...valid, ...change })).toEqual(paths);
  });

  it.each([[undefined], [""], ["  "]])("says a required price of %j is required", (value) => {
    const result = CreatePriceOverrideBody.safeParse({ ...valid, inputPerMTok: value });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["inputPerMTok", "is required"]]);
  });

  it("accepts the largest 9-place price and names every bad field at once", () => {
    expect(CreatePriceOverrideBody.safeParse({ ...valid, inputPerMTok: "1000000" }).success).toBe(true);
    expect(pathsOf({ ...valid, inputPerMTok: "-1", outputPerMTok: "x", effectiveFrom: "soon" })).toEqual(["effectiveFrom", "inputPerMTok", "outputPerMTok"]);
  });
});

describe("ListCatalogPricesQuery", () => {
  it("defaults to the first page of everything and coerces the page", () => {
    expect(ListCatalogPricesQuery.parse({})).toEqual({ q: "", provider: null, page: 1 });
    expect(ListCatalogPricesQuery.parse({ q: " sonnet ", provider: "Anthropic", page: "3" })).toEqual({ q: "sonnet", provider: "anthropic", page: 3 });
  });

  it.each([["0"], ["-1"], ["1.5"], ["two"]])("refuses page=%s", (page) => {
    expect(ListCatalogPricesQuery.safeParse({ page }).success).toBe(false);
  });
});
