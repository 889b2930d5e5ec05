// Stored spend must reach the other processes at commit: their in-memory
// budget state is dropped on the budget channel, and the delivery workers
// are woken on the webhook channel when the spend raised an alert.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectBudgetAlerts } from "@/lib/alerts/detect-budget-alerts";
import { pool } from "@/lib/db";
import { BUDGET_CHANNEL } from "@/lib/policy/budget-notify";
import { WEBHOOK_CHANNEL } from "@/lib/webhooks/webhook-notify";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { makeBudget, makeOrg, makeUsageEvent } from "@/tests/factories";
import { ingestEvents } from "./ingest-events";
import { withTransaction } from "./with-transaction";

let listener: pg.Client;
const received: { channel: string; payload: string | undefined }[] = [];

beforeAll(async () => {
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("notification", (n) => received.push({ channel: n.channel, payload: n.payload }));
  await listener.query(`LISTEN ${BUDGET_CHANNEL}`);
  await listener.query(`LISTEN ${WEBHOOK_CHANNEL}`);
});
afterAll(() => listener.end());

/** Resolves once `channel` carried `orgId` (fails the test after 2 s). */
async function notified(channel: string, orgId: string): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!received.some((n) => n.channel === channel && n.payload === orgId)) {
    if (Date.now() > deadline) throw new Error(`no notification on ${channel} for ${orgId}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function ingest(orgId: string, events: Record<string, unknown>[]) {
  const principal = { orgId, keyId: "test-key", scopes: ["ingest" as const], teamId: null };
  return ingestEvents({ principal, body: Buffer.from(JSON.stringify({ events })), contentType: "application/json" });
}

describe("ingest notifies other processes at commit", () => {
  it("on the budget channel when stored events add to ledgers", async () => {
    const { org } = await makeOrg();
    await makeBudget(org.id, { limitUsd: "100" });
    expect(await ingest(org.id, [makeUsageEvent({ costUsd: "0.5" })])).toMatchObject({ accepted: 1 });
    await notified(BUDGET_CHANNEL, org.id);
  });

  it("on the webhook channel when the spend raises an alert with a webhook to tell", async () => {
    const { org } = await makeOrg();
    await makeBudget(org.id, { limitUsd: "1", alertThresholds: [0.5] });
    await createWebhook({ orgId: org.id, name: "ops", url: "http://127.0.0.1:9/hook", format: "generic", actorUserId: null });
    expect(await ingest(org.id, [makeUsageEvent({ costUsd: "0.6" })])).toMatchObject({ accepted: 1 });
    await notified(WEBHOOK_CHANNEL, org.id);
  });

  it("on the webhook channel when alerts are raised outside ingest (re-pricing)", async () => {
    const { org } = await makeOrg();
    const budget = await makeBudget(org.id, { limitUsd: "1", alertThresholds: [0.5] });
    await createWebhook({ orgId: org.id, name: "ops", url: "http://127.0.0.1:9/hook", format: "generic", actorUserId: null });
    const raised = await withTransaction(pool(), async (client) => {
      await client.query(
        `INSERT INTO budget_ledgers (org_id, budget_id, period_start, period_end, spent_usd, updated_at)
         VALUES ($1, $2, date_trunc('month', now()), date_trunc('month', now()) + interval '1 month', 0.7, now())`,
        [org.id, budget.id],
      );
      return detectBudgetAlerts(client, [org.id]);
    });
    expect(raised).toHaveLength(1);
    await notified(WEBHOOK_CHANNEL, org.id);
  });
});
