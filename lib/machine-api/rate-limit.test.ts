import { describe, expect, it } from "vitest";
import { RateLimiter, rateSetting } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows the burst, then refuses with Retry-After, then refills", () => {
    const limiter = new RateLimiter(2, 3);
    for (let i = 0; i < 3; i++) limiter.take("k", 0);
    expect(() => limiter.take("k", 0)).toThrow(expect.objectContaining({ code: "rate_limited", retryAfter: 1 }));
    expect(() => limiter.take("k", 500)).not.toThrow();
  });

  it("keeps keys apart and can be turned off", () => {
    const limiter = new RateLimiter(1, 1);
    limiter.take("a", 0);
    expect(() => limiter.take("b", 0)).not.toThrow();
    const off = new RateLimiter(0, 0);
    for (let i = 0; i < 100; i++) off.take("a", 0);
  });
});

describe("rateSetting", () => {
  it("reads a non-negative number, or the fallback when unset", () => {
    expect(rateSetting("RATE_LIMIT_PER_SECOND", "250", 10_000)).toBe(250);
    expect(rateSetting("RATE_LIMIT_PER_SECOND", "0", 10_000)).toBe(0);
    expect(rateSetting("RATE_LIMIT_PER_SECOND", undefined, 10_000)).toBe(10_000);
    expect(rateSetting("RATE_LIMIT_PER_SECOND", " ", 10_000)).toBe(10_000);
  });

  it.each(["ten", "-1", "NaN", "Infinity"])("refuses %s, naming the setting", (value) => {
    expect(() => rateSetting("RATE_LIMIT_BURST", value, 20_000)).toThrow(/RATE_LIMIT_BURST must be a non-negative number/);
  });
});
