import { describe, expect, it } from "vitest";
import { millisecondsSetting, numberSetting } from "./env";

describe("numberSetting", () => {
  const positive = (n: number) => n > 0;

  it("takes the fallback when unset or blank, else the number", () => {
    expect(numberSetting("X_MS", undefined, 30, positive, "above 0")).toBe(30);
    expect(numberSetting("X_MS", "  ", 30, positive, "above 0")).toBe(30);
    expect(numberSetting("X_MS", "2.5", 30, positive, "above 0")).toBe(2.5);
  });

  it.each(["0", "-1", "soon", "Infinity"])("refuses %j, naming the setting and what it must be", (value) => {
    expect(() => numberSetting("X_MS", value, 30, positive, "a number of milliseconds above 0")).toThrow(`X_MS must be a number of milliseconds above 0, not '${value}'.`);
  });
});

describe("millisecondsSetting", () => {
  it("reads the named variable: the fallback when unset, a number above 0, else an error naming it", () => {
    const name = "FINOPS_TEST_INTERVAL_MS";
    try {
      delete process.env[name];
      expect(millisecondsSetting(name, 1000)).toBe(1000);
      process.env[name] = "250";
      expect(millisecondsSetting(name, 1000)).toBe(250);
      for (const value of ["0", "2147483648"]) {
        process.env[name] = value;
        expect(() => millisecondsSetting(name, 1000)).toThrow(`${name} must be a number of milliseconds above 0 and at most 2147483647, not '${value}'.`);
      }
    } finally {
      delete process.env[name];
    }
  });
});
