// Webhook signatures: `X-FinOps-Signature: sha256=<hex>` is the HMAC-SHA256
// of the raw request body, keyed with the webhook's secret. Receivers
// recompute it over the bytes they received and compare in constant time;
// `X-FinOps-Timestamp` (Unix seconds) lets them refuse stale deliveries.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-finops-signature";
export const TIMESTAMP_HEADER = "x-finops-timestamp";

const SECRET_PREFIX = "whsec_";

/** A new signing secret (256 random bits) and the prefix shown after creation. */
export function generateWebhookSecret(): { secret: string; prefix: string } {
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, SECRET_PREFIX.length + 4) };
}

export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Constant-time check of a signature header against the body (for receivers and tests). */
export function verifySignature(secret: string, body: string | Buffer, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
