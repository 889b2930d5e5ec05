// Webhook signatures, as Stripe and Slack sign theirs: each delivery carries
// `X-FinOps-Timestamp: <Unix seconds>` and `X-FinOps-Signature: sha256=<hex>`,
// the HMAC-SHA256, keyed with the webhook's secret, of `<timestamp>.<raw body>`.
// Receivers recompute it from the timestamp header and the bytes they
// received, compare in constant time, and refuse a timestamp too far from
// their clock. The timestamp is signed so that refusing stale deliveries
// works: a captured delivery cannot be replayed later under a fresh one.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-finops-signature";
export const TIMESTAMP_HEADER = "x-finops-timestamp";

const SECRET_PREFIX = "whsec_";

/** A new signing secret (256 random bits) and the prefix shown after creation. */
export function generateWebhookSecret(): { secret: string; prefix: string } {
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, SECRET_PREFIX.length + 4) };
}

/** The signature header's value for a delivery of `body` sent at `timestamp` (Unix seconds). */
export function signDelivery(secret: string, timestamp: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex")}`;
}

/** Constant-time check of a signature header against the timestamp header and the body (for receivers and tests). */
export function verifySignature(secret: string, timestamp: string, body: string | Buffer, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signDelivery(secret, timestamp, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
