import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signDelivery, verifySignature } from "./sign";

describe("webhook signatures", () => {
  it("signs `timestamp.body` with HMAC-SHA256 of the secret, as receivers recompute it", () => {
    const { secret, prefix } = generateWebhookSecret();
    const body = JSON.stringify({ type: "budget.alert", alert: { id: "a1", percent: 80 } });
    const expected = createHmac("sha256", secret).update(Buffer.from(`1764385200.${body}`, "utf8")).digest("hex");
    expect(signDelivery(secret, "1764385200", body)).toBe(`sha256=${expected}`);
    expect(secret.startsWith(prefix)).toBe(true);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });

  it("verifies in constant time and refuses a changed body, timestamp, secret or header", () => {
    const { secret } = generateWebhookSecret();
    const body = '{"a":1}';
    const header = signDelivery(secret, "1764385200", body);
    expect(verifySignature(secret, "1764385200", body, header)).toBe(true);
    expect(verifySignature(secret, "1764385200", '{"a":2}', header)).toBe(false);
    // a replay under a fresh timestamp
    expect(verifySignature(secret, "1764388800", body, header)).toBe(false);
    expect(verifySignature(generateWebhookSecret().secret, "1764385200", body, header)).toBe(false);
    expect(verifySignature(secret, "1764385200", body, header.slice(0, -1))).toBe(false);
    expect(verifySignature(secret, "1764385200", body, undefined)).toBe(false);
  });

  it("each secret is new", () => {
    expect(generateWebhookSecret().secret).not.toBe(generateWebhookSecret().secret);
  });
});
