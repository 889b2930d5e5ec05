// Stored spend must reach the other processes at commit: their in-memory
// budget state is dropped on the budget channel, and the delivery workers
// are woken on the webhook channel when the spend raised an alert.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUDGET_CHANNEL } from "@/lib/policy/budget-notify";
import { WEBHOOK_CHANNEL } from "@/lib/webhooks/webhook-notify";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { makeBudget, makeOrg, makeUsageEvent } from "@/tests/factories";
import { listenTo, type Notifications } from "@/tests/notifications";
import { ingestEvents } from "./ingest-events";

let notifications: Notifications;
beforeAll(async () => {
  notifications = await listenTo([BUDGET_CHANNEL, WEBHOOK_CHANNEL]);
});
afterAll(() => notifications.close());

function ingest(orgId: string, events: Record<string, unknown>[]) {
  const principal = { orgId, keyId: "test-key", scopes: ["ingest" as const], teamId: null };
  return ingestEvents({ principal, body: Buffer.from(JSON.stringify({ events })), contentType: "application/json" });
}

describe("ingest notifies other processes at commit", () => {
  it("on the budget channel when stored events add to ledgers", async () => {
    const { org } = await makeOrg();
    await makeBudget(org.id, { limitUsd: "100" });
    expect(await ingest(org.id, [makeUsageEvent({ costUsd: "0.5" })])).toMatchObject({ accepted: 1 });
    await notifications.received(BUDGET_CHANNEL, org.id);
  });

  it("on the webhook channel when the spend raises an alert with a webhook to tell", async () => {
    const { org } = await makeOrg();
    await makeBudget(org.id, { limitUsd: "1", alertThresholds: [0.5] });
    await createWebhook({ orgId: org.id, name: "ops", url: "http://127.0.0.1:9/hook", format: "generic", actorUserId: null });
    expect(await ingest(org.id, [makeUsageEvent({ costUsd: "0.6" })])).toMatchObject({ accepted: 1 });
    await notifications.received(WEBHOOK_CHANNEL, org.id);
  });
});
