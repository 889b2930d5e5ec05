// Per-key rate limit of the machine endpoints: a token bucket per API key and
// process. RATE_LIMIT_PER_SECOND=0 turns it off.
import { AppError } from "@/lib/http/errors";
import { numberSetting } from "@/lib/env";

type Bucket = { tokens: number; at: number };

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  /** Takes one token for `key` or throws a 429 with the seconds to wait. */
  take(key: string, now = Date.now()): void {
    if (this.perSecond <= 0) return;
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
      throw new AppError("rate_limited", `Too many requests for this API key; retry in ${wait} s.`, undefined, wait);
    }
    bucket.tokens -= 1;
  }
}

/** A non-negative number from the environment; anything else stops the start (a typo must not turn limiting off). */
export function rateSetting(name: string, value: string | undefined, fallback: number): number {
  return numberSetting(name, value, fallback, (n) => n >= 0, "a non-negative number (0 turns rate limiting off)");
}

const perSecond = rateSetting("RATE_LIMIT_PER_SECOND", process.env.RATE_LIMIT_PER_SECOND, 10_000);

export const machineRateLimiter = new RateLimiter(perSecond, rateSetting("RATE_LIMIT_BURST", process.env.RATE_LIMIT_BURST, process.env.RATE_LIMIT_PER_SECOND ? perSecond : 20_000));
