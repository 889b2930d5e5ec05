import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

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
