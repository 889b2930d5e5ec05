import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { stopListener } from "@/lib/db-listener";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { makeBudget, makeOrg, makeUsageEvent } from "@/tests/factories";
import { createWebhook } from "./create-webhook";
import { deliverDueWebhooks } from "./deliver-due-webhooks";
import { startDeliveryWorker, stopDeliveryWorker } from "./delivery-worker";
import { listDeliveries } from "./list-deliveries";
import { listWebhooks } from "./list-webhooks";
import { sendTestWebhook } from "./send-test-webhook";
import { updateWebhook } from "./update-webhook";

type Received = { headers: http.IncomingHttpHeaders; body: string; at: number };

/** A receiver on 127.0.0.1 that records what it gets and answers `status` (or never, for "hang"). */
async function receiver(answer: () => number | "hang" = () => 204) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const status = answer();
      if (status !== "hang") res.writeHead(status, { "content-type": "text/plain" }).end(status >= 300 ? "receiver says no" : "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  servers.push(server);
  return { url, received };
}

const servers: http.Server[] = [];
afterEach(async () => {
  await stopDeliveryWorker();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});
afterAll(() => stopListener());

async function alertingOrg() {
  const { org } = await makeOrg();
  await makeBudget(org.id, { name: "search monthly", limitUsd: "1", alertThresholds: [0.5] });
  return org;
}

function crossHalf(orgId: string) {
  const principal = { orgId, keyId: "test-key", scopes: ["ingest" as const], teamId: null };
  const events = [makeUsageEvent({ costUsd: "0.6" })];
  return ingestEvents({ principal, body: Buffer.from(JSON.stringify({ events })), contentType: "application/json" });
}

const deliveriesOf = (orgId: string) => prisma().webhookDelivery.findMany({ where: { orgId }, orderBy: { createdAt: "asc" } });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The signature a receiver expects: HMAC-SHA256 of `<X-FinOps-Timestamp>.<raw body>` with the webhook's secret. */
const expectedSignature = (secret: string, got: Received) =>
  `sha256=${createHmac("sha256", secret).update(`${got.headers["x-finops-timestamp"]}.${got.body}`, "utf8").digest("hex")}`;

describe("webhook delivery", () => {
  it("delivers each new alert, signed with HMAC-SHA256 of the timestamp and the raw body", async () => {
    const org = await alertingOrg();
    const generic = await receiver();
    const slack = await receiver(() => 200);
    const genericHook = await createWebhook({ orgId: org.id, name: "generic", url: generic.url, format: "generic", actorUserId: null });
    const slackHook = await createWebhook({ orgId: org.id, name: "slack", url: slack.url, format: "slack", actorUserId: null });
    await crossHalf(org.id);

    expect(await deliverDueWebhooks({ orgIds: [org.id] })).toEqual({ claimed: 2, delivered: 2, retrying: 0, failed: 0 });
    expect(generic.received).toHaveLength(1);
    const [got] = generic.received;
    expect(got.headers["x-finops-signature"]).toBe(expectedSignature(genericHook.secret, got));
    expect(Math.abs(Number(got.headers["x-finops-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    expect(got.headers["content-type"]).toBe("application/json");
    expect(got.headers["x-finops-event"]).toBe("budget.alert");
    expect(JSON.parse(got.body)).toMatchObject({
      type: "budget.alert",
      alert: { kind: "threshold", budgetName: "search monthly", percent: 50, threshold: 0.5, spentUsd: "0.600000000", limitUsd: "1.000000000" },
    });

    const slackBody = JSON.parse(slack.received[0].body);
    expect(slackBody.text).toBe("Budget 'search monthly' reached 50% of $1.00 (month of Nov 2026); $0.60 spent");
    expect(slack.received[0].headers["x-finops-signature"]).toBe(expectedSignature(slackHook.secret, slack.received[0]));

    const rows = await deliveriesOf(org.id);
    const byHook = new Map(rows.map((d) => [d.webhookId, [d.status, d.attempts, d.lastStatusCode, d.lastError]]));
    expect(byHook.get(genericHook.webhook.id)).toEqual(["delivered", 1, 204, null]);
    expect(byHook.get(slackHook.webhook.id)).toEqual(["delivered", 1, 200, null]);
    expect(rows.every((d) => d.deliveredAt !== null)).toBe(true);

    // nothing is sent twice
    expect(await deliverDueWebhooks({ orgIds: [org.id] })).toMatchObject({ claimed: 0 });
    expect(generic.received).toHaveLength(1);
  });

  it("retries a failing endpoint with backoff and gives up after the last attempt", async () => {
    const org = await alertingOrg();
    const failing = await receiver(() => 500);
    await createWebhook({ orgId: org.id, name: "down", url: failing.url, format: "generic", actorUserId: null });
    await crossHalf(org.id);
    const backoffMs = [150, 300];

    expect(await deliverDueWebhooks({ orgIds: [org.id], backoffMs })).toEqual({ claimed: 1, delivered: 0, retrying: 1, failed: 0 });
    let [row] = await deliveriesOf(org.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500: receiver says no" });
    // not due before its backoff
    expect(await deliverDueWebhooks({ orgIds: [org.id], backoffMs })).toMatchObject({ claimed: 0 });

    for (let i = 0; i < 100 && row.status === "pending"; i++) {
      await sleep(25);
      await deliverDueWebhooks({ orgIds: [org.id], backoffMs });
      [row] = await deliveriesOf(org.id);
    }
    expect(row).toMatchObject({ status: "failed", attempts: 3, lastStatusCode: 500, deliveredAt: null });
    expect(failing.received).toHaveLength(3);
    const gaps = failing.received.slice(1).map((r, i) => r.at - failing.received[i].at);
    expect(gaps[0]).toBeGreaterThanOrEqual(140);
    expect(gaps[1]).toBeGreaterThanOrEqual(290);
    // all three attempts carried the same body
    expect(new Set(failing.received.map((r) => r.body)).size).toBe(1);

    await sleep(350);
    expect(await deliverDueWebhooks({ orgIds: [org.id], backoffMs })).toMatchObject({ claimed: 0 });
  });

  it("counts an endpoint that does not answer in time, or cannot be reached, as a failed attempt", async () => {
    const org = await alertingOrg();
    const hanging = await receiver(() => "hang");
    await createWebhook({ orgId: org.id, name: "slow", url: hanging.url, format: "generic", actorUserId: null });
    const gone = await receiver();
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await createWebhook({ orgId: org.id, name: "nobody", url: gone.url, format: "generic", actorUserId: null });
    await crossHalf(org.id);
    expect(await deliverDueWebhooks({ orgIds: [org.id], timeoutMs: 200, backoffMs: [] })).toEqual({ claimed: 2, delivered: 0, retrying: 0, failed: 2 });
    const errors = (await deliveriesOf(org.id)).map((d) => [d.status, d.lastStatusCode, d.lastError]).sort();
    expect(errors[0]).toEqual(["failed", null, expect.stringContaining("ECONNREFUSED")]);
    expect(errors[1]).toEqual(["failed", null, "no answer within 0.2 s"]);
  });

  it("the worker loop delivers on its own; a disabled webhook gets nothing and drops what was pending", async () => {
    const org = await alertingOrg();
    const live = await receiver();
    const paused = await receiver();
    await createWebhook({ orgId: org.id, name: "live", url: live.url, format: "slack", actorUserId: null });
    const off = await createWebhook({ orgId: org.id, name: "paused", url: paused.url, format: "generic", actorUserId: null });
    await crossHalf(org.id);
    await updateWebhook({ orgId: org.id, id: off.webhook.id, enabled: false, actorUserId: null });

    startDeliveryWorker({ orgIds: [org.id], pollMs: 20 });
    for (let i = 0; i < 100 && live.received.length === 0; i++) await sleep(20);
    await stopDeliveryWorker();
    expect(live.received).toHaveLength(1);
    expect(paused.received).toHaveLength(0);
    const log = await listDeliveries({ orgId: org.id, webhookId: off.webhook.id, limit: 10 });
    expect(log).toMatchObject([{ status: "failed", attempts: 0, lastError: "webhook disabled before delivery", summary: expect.stringContaining("reached 50%") }]);
    expect((await listWebhooks({ orgId: org.id })).map((w) => [w.name, w.enabled, w.failedDeliveries])).toEqual([
      ["live", true, 0],
      ["paused", false, 1],
    ]);
  });

  it("send test: one signed sample delivery now, logged; the secret never comes back", async () => {
    const org = await alertingOrg();
    const ok = await receiver();
    const bad = await receiver(() => 404);
    const good = await createWebhook({ orgId: org.id, name: "ok", url: ok.url, format: "generic", actorUserId: null });
    const broken = await createWebhook({ orgId: org.id, name: "bad", url: bad.url, format: "slack", actorUserId: null });

    const delivered = await sendTestWebhook({ orgId: org.id, id: good.webhook.id });
    expect(delivered).toMatchObject({ event: "webhook.test", status: "delivered", attempts: 1, lastStatusCode: 204, summary: "Test delivery" });
    const body = ok.received[0].body;
    expect(JSON.parse(body)).toMatchObject({ type: "webhook.test", alert: { id: "test", percent: 80 } });
    expect(ok.received[0].headers["x-finops-signature"]).toBe(expectedSignature(good.secret, ok.received[0]));

    expect(await sendTestWebhook({ orgId: org.id, id: broken.webhook.id })).toMatchObject({ status: "failed", lastStatusCode: 404, lastError: "HTTP 404: receiver says no" });

    const listed = await listWebhooks({ orgId: org.id });
    expect(JSON.stringify(listed)).not.toContain(good.secret);
    expect(listed[0].secretPrefix).toBe(good.secret.slice(0, 10));
    await expect(sendTestWebhook({ orgId: (await makeOrg()).org.id, id: good.webhook.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
