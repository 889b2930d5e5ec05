import { describe, expect, it } from "vitest";
import { DEFAULT_BACKOFF_MS, maxAttempts, retryDelayMs } from "./retry-schedule";

describe("retry schedule", () => {
  it("waits 30 s, 2 min, 10 min, 1 h, 6 h, then gives up after the 6th attempt", () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n))).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000, null]);
    expect(maxAttempts(DEFAULT_BACKOFF_MS)).toBe(6);
  });

  it("takes an injected schedule", () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, [10, 20]))).toEqual([10, 20, null]);
  });
});
