import { describe, expect, it } from "vitest";
import { formatMoney, formatTokens } from "./format";

describe("format", () => {
  it.each([
    ["1234.5", "$1,234.50"],
    ["0.0123", "$0.0123"],
    ["0", "$0.00"],
    [null, "—"],
  ])("money %s → %s", (input, out) => {
    expect(formatMoney(input)).toBe(out);
  });

  it.each([
    [999, "999"],
    [1500, "1.5K"],
    [2_000_000, "2M"],
    [12_340_000, "12.3M"],
    [3_210_000_000, "3.21B"],
  ])("tokens %s → %s", (input, out) => {
    expect(formatTokens(input)).toBe(out);
  });
});
