import { describe, expect, it } from "vitest";
import { Slug, Timestamp, UsdAmount } from "./common";

describe("UsdAmount", () => {
  it.each([
    ["12.5", "12.500000000"],
    [0.01, "0.010000000"],
    [1e-7, "0.000000100"],
    [0.1 + 0.2, "0.300000000"],
    [5000, "5000.000000000"],
  ])("accepts %j as %j", (input, out) => {
    expect(UsdAmount.parse(input)).toBe(out);
  });

  it.each(["-1", -1, "1.0000000001", "abc", "", Number.NaN, "1e3", null, true, 9007199254740992, "1000000000.000000001"])("refuses %j", (input) => {
    expect(UsdAmount.safeParse(input).success).toBe(false);
  });
});

describe("Slug", () => {
  it("lower-cases and trims", () => {
    expect(Slug.parse(" Search ")).toBe("search");
  });
  it.each(["", "-lead", "a b", "x".repeat(65), "dé"])("refuses %j", (input) => {
    expect(Slug.safeParse(input).success).toBe(false);
  });
});

describe("Timestamp", () => {
  it.each(["2026-11-28T10:00:00Z", "1970-01-01T00:00:00Z", "1970-01-01T01:00:00+01:00"])("accepts %j", (input) => {
    expect(Timestamp.parse(input)).toBe(input);
  });
  it.each(["0000-06-01T00:00:00Z", "1969-12-31T23:59:59Z", "1970-01-01T00:30:00+01:00"])("refuses %j, which PostgreSQL or the product cannot store", (input) => {
    const result = Timestamp.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("must not be before 1970-01-01T00:00:00Z");
  });
});
