import { describe, expect, it } from "vitest";
import type { AlertForWebhook } from "./format-payload";
import { sampleAlert, spentPercent, webhookBody } from "./format-payload";

const alert: AlertForWebhook = {
  id: "alert-1",
  kind: "threshold",
  message: "Budget 'search <monthly> & co' reached 80% of $5,000.00 (month of Nov 2026); $4,012.50 spent",
  createdAt: "2026-11-20T10:00:00.000Z",
  payload: {
    budgetId: "b1",
    budgetName: "search <monthly> & co",
    scope: "team:search",
    period: "month",
    periodStart: "2026-11-01T00:00:00.000Z",
    threshold: 0.8,
    percent: 80,
    spentUsd: "4012.500000000",
    limitUsd: "5000.000000000",
  },
};

describe("webhookBody", () => {
  it("generic: type and the alert with its payload flattened in", () => {
    expect(JSON.parse(webhookBody("generic", alert))).toEqual({
      type: "budget.alert",
      alert: {
        id: "alert-1",
        kind: "threshold",
        message: alert.message,
        createdAt: "2026-11-20T10:00:00.000Z",
        budgetId: "b1",
        budgetName: "search <monthly> & co",
        scope: "team:search",
        period: "month",
        periodStart: "2026-11-01T00:00:00.000Z",
        threshold: 0.8,
        percent: 80,
        spentUsd: "4012.500000000",
        limitUsd: "5000.000000000",
      },
    });
  });

  it("slack: text fallback plus blocks with the figures, mrkdwn escaped", () => {
    const body = JSON.parse(webhookBody("slack", alert));
    expect(body.text).toBe(alert.message);
    expect(body.blocks[0]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: ":warning: *Budget alert threshold reached*\nBudget 'search &lt;monthly&gt; &amp; co' reached 80% of $5,000.00 (month of Nov 2026); $4,012.50 spent" },
    });
    expect(body.blocks[1].fields.map((f: { text: string }) => f.text)).toEqual([
      "*Spent*\n$4,012.50 (80.3%)",
      "*Limit*\n$5,000.00",
      "*Threshold*\n80%",
      "*Scope*\nteam:search · month",
    ]);
    expect(body.blocks[2].type).toBe("context");
  });

  it("slack: caps have their own headline; tests are marked", () => {
    expect(JSON.parse(webhookBody("slack", { ...alert, kind: "cap" })).blocks[0].text.text).toMatch(/^:rotating_light: \*Budget cap reached\*/);
    const test = JSON.parse(webhookBody("slack", sampleAlert(new Date("2026-11-20T10:00:00Z")), "webhook.test"));
    expect(test.text).toMatch(/^\[test\] Test delivery/);
    expect(JSON.parse(webhookBody("generic", sampleAlert(new Date("2026-11-20T10:00:00Z")), "webhook.test"))).toMatchObject({
      type: "webhook.test",
      alert: { id: "test", periodStart: "2026-11-01T00:00:00.000Z", percent: 80 },
    });
  });

  it("an alert without a payload still has a body", () => {
    const body = JSON.parse(webhookBody("slack", { ...alert, payload: null }));
    expect(body.blocks).toHaveLength(2);
    expect(JSON.parse(webhookBody("generic", { ...alert, payload: null })).alert).toEqual({ id: "alert-1", kind: "threshold", message: alert.message, createdAt: alert.createdAt });
  });
});

describe("spentPercent", () => {
  it.each([
    ["4012.5", "5000", "80.3%"],
    ["5000", "5000", "100%"],
    ["0.000000001", "100", "0%"],
    ["150", "100", "150%"],
  ])("%s of %s is %s", (spentUsd, limitUsd, expected) => {
    expect(spentPercent({ spentUsd, limitUsd })).toBe(expected);
  });
});
