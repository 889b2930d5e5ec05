import { describe, expect, it } from "vitest";
import { divRound, formatUsd, MoneyFormatError, parseUsd, tokenCost } from "./money";

describe("parseUsd", () => {
  it.each([
    ["0", 0n],
    ["12.5", 12_500_000_000n],
    ["0.000000001", 1n],
    ["-3.25", -3_250_000_000n],
    ["4120.500000000", 4_120_500_000_000n],
  ])("parses %s", (input, nanos) => {
    expect(parseUsd(input)).toBe(nanos);
  });

  it("accepts numbers, including exponent notation", () => {
    expect(parseUsd(0.1)).toBe(100_000_000n);
    expect(parseUsd(1e-7)).toBe(100n);
    expect(parseUsd(5000)).toBe(5_000_000_000_000n);
  });

  it("accepts trailing zeros past 9 places but refuses real extra precision", () => {
    expect(parseUsd("1.0000000000")).toBe(NANOS(1));
    expect(() => parseUsd("0.0000000001")).toThrow(MoneyFormatError);
  });

  it.each(["", "abc", "1.2.3", "1e5", " . "])("refuses %j", (input) => {
    expect(() => parseUsd(input)).toThrow(MoneyFormatError);
  });

  it("refuses non-finite numbers", () => {
    expect(() => parseUsd(Number.NaN)).toThrow(MoneyFormatError);
    expect(() => parseUsd(Infinity)).toThrow(MoneyFormatError);
  });
});

function NANOS(usd: number): bigint {
  return BigInt(usd) * 1_000_000_000n;
}

describe("formatUsd", () => {
  it("always prints 9 places", () => {
    expect(formatUsd(0n)).toBe("0.000000000");
    expect(formatUsd(10_000_000n)).toBe("0.010000000");
    expect(formatUsd(-1n)).toBe("-0.000000001");
    expect(formatUsd(123_456_789_012n)).toBe("123.456789012");
  });

  it("round-trips", () => {
    for (const s of ["0.000000001", "99999999999.999999999", "-7.5"]) {
      expect(parseUsd(formatUsd(parseUsd(s)))).toBe(parseUsd(s));
    }
  });
});

describe("tokenCost", () => {
  it("prices buckets exactly and rounds once", () => {
    // 2,000 input at $2.50/M + 500 output at $10/M = $0.005 + $0.005
    expect(tokenCost([[2000, parseUsd("2.5")], [500, parseUsd("10")]])).toBe(10_000_000n);
    // 1 token at $0.0375/M is 37.5 nano-dollars: rounds half up to 38
    expect(tokenCost([[1, parseUsd("0.0375")]])).toBe(38n);
    // buckets are summed before rounding: 0.5 + 0.5 nano is 1, not 2
    expect(tokenCost([[1, parseUsd("0.0005")], [1, parseUsd("0.0005")]])).toBe(1n);
  });

  it("does not lose precision where floats would", () => {
    const perCall = tokenCost([[1, parseUsd("0.1")], [2, parseUsd("0.2")]]);
    let total = 0n;
    for (let i = 0; i < 100_000; i++) total += perCall;
    expect(formatUsd(total)).toBe("0.050000000");
  });
});

describe("divRound", () => {
  it("rounds half away from zero", () => {
    expect(divRound(5n, 10n)).toBe(1n);
    expect(divRound(4n, 10n)).toBe(0n);
    expect(divRound(-5n, 10n)).toBe(-1n);
  });
});

describe("parseUsd of floats", () => {
  it("rounds binary noise to the nano", () => {
    expect(formatUsd(parseUsd(0.1 + 0.2))).toBe("0.300000000");
    expect(formatUsd(parseUsd(0.0000000015))).toBe("0.000000002");
  });
});
