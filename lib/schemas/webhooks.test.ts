import { describe, expect, it } from "vitest";
import { CreateWebhookBody, UpdateWebhookBody } from "./webhooks";

describe("CreateWebhookBody", () => {
  it.each(["https://hooks.slack.com/services/T0/B0/xyz", "http://127.0.0.1:8080/hook"])("accepts %s", (url) => {
    expect(CreateWebhookBody.safeParse({ name: "n", url, format: "slack" }).success).toBe(true);
  });

  it.each(["ftp://example.com/x", "javascript:alert(1)", "file:///etc/passwd", "not a url", "https://user:pass@example.com/x"])("refuses %s", (url) => {
    expect(CreateWebhookBody.safeParse({ name: "n", url, format: "generic" }).success).toBe(false);
  });

  it("needs a known format and refuses unknown fields (no client-chosen secret)", () => {
    expect(CreateWebhookBody.safeParse({ name: "n", url: "https://x.test/", format: "teams" }).success).toBe(false);
    expect(CreateWebhookBody.safeParse({ name: "n", url: "https://x.test/", format: "slack", secret: "mine" }).success).toBe(false);
  });
});

describe("UpdateWebhookBody", () => {
  it("needs something to change", () => {
    expect(UpdateWebhookBody.safeParse({}).success).toBe(false);
    expect(UpdateWebhookBody.safeParse({ enabled: false }).success).toBe(true);
  });
});
