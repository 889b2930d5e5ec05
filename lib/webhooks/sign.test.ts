import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signBody, verifySignature } from "./sign";

describe("webhook signatures", () => {
  it("signs the raw body with HMAC-SHA256 of the secret, as receivers recompute it", () => {
    const { secret, prefix } = generateWebhookSecret();
    const body = JSON.stringify({ type: "budget.alert", alert: { id: "a1", percent: 80 } });
    const expected = createHmac("sha256", secret).update(Buffer.from(body, "utf8")).digest("hex");
    expect(signBody(secret, body)).toBe(`sha256=${expected}`);
    expect(secret.startsWith(prefix)).toBe(true);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });

  it("verifies in constant time and refuses a changed body, secret or header", () => {
    const { secret } = generateWebhookSecret();
    const body = '{"a":1}';
    const header = signBody(secret, body);
    expect(verifySignature(secret, body, header)).toBe(true);
    expect(verifySignature(secret, '{"a":2}', header)).toBe(false);
    expect(verifySignature(generateWebhookSecret().secret, body, header)).toBe(false);
    expect(verifySignature(secret, body, header.slice(0, -1))).toBe(false);
    expect(verifySignature(secret, body, undefined)).toBe(false);
  });

  it("each secret is new", () => {
    expect(generateWebhookSecret().secret).not.toBe(generateWebhookSecret().secret);
  });
});
