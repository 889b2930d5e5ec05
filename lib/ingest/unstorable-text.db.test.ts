// Lone UTF-16 surrogate halves, which JSON lets through, reject only the item
// holding them: jsonb would fail the whole batch, and text would store them as
// U+FFFD, making distinct ids collide.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { pool } from "@/lib/db";
import { makeOrg, makeUsageEvent } from "@/tests/factories";
import { startMachineServer } from "@/tests/machine-server";

const LONE = "text must be valid Unicode (no lone surrogate halves)";

let server: Awaited<ReturnType<typeof startMachineServer>>;
beforeAll(async () => {
  server = await startMachineServer();
});
afterAll(() => server.close());

async function setup() {
  const { org } = await makeOrg();
  const { secret } = await createApiKey({ orgId: org.id, name: "svc", scopes: ["ingest"] });
  return { orgId: org.id, key: secret };
}

/** Posts `body` as JSON text: JSON.stringify writes a lone half as an escape (`"\\ud800"`), which JSON.parse turns back into one. */
async function post(key: string, path: string, body: unknown) {
  const res = await fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}


async function storedIds(table: "usage_events" | "outcomes", orgId: string): Promise<string[]> {
  const column = table === "usage_events" ? "event_id" : "outcome_id";
  const { rows } = await pool().query(`SELECT ${column} AS id FROM ${table} WHERE org_id = $1 ORDER BY 1`, [orgId]);
  return rows.map((r) => r.id);
}

describe("lone surrogate halves", () => {
  it("reject the event holding one in a metadata value or an id, and the others are stored", async () => {
    const { orgId, key } = await setup();
    const events = [makeUsageEvent({ id: "ok-1" }), makeUsageEvent({ id: "meta", metadata: { k: "\ud800" } }), makeUsageEvent({ id: "a\ud800" }), makeUsageEvent({ id: "a\ud801" }), makeUsageEvent({ id: "ok-2" })];
    const { status, body } = await post(key, "/api/v1/events", { events });
    expect(status).toBe(200);
    expect(body).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [
        { index: 1, id: "meta", errors: [{ path: "metadata.k", message: LONE }] },
        { index: 2, id: "a\ud800", errors: [{ path: "id", message: LONE }] },
        { index: 3, id: "a\ud801", errors: [{ path: "id", message: LONE }] },
      ],
    });
    expect(await storedIds("usage_events", orgId)).toEqual(["ok-1", "ok-2"]);
  });

  it("reject such an NDJSON line and such an outcome too", async () => {
    const { orgId, key } = await setup();
    const lines = [makeUsageEvent({ id: "ok" }), makeUsageEvent({ id: "bad", userId: "\udc00" })].map((e) => JSON.stringify(e)).join("\n");
    const res = await fetch(`${server.url}/api/v1/events`, { method: "POST", headers: { "content-type": "application/x-ndjson", authorization: `Bearer ${key}` }, body: lines });
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [{ index: 1, id: "bad", errors: [{ path: "userId", message: LONE }] }] });
    const outcome = (id: string) => ({ id, timestamp: "2026-11-03T12:00:00Z", team: "alpha", kind: "ticket_resolved", valueUsd: "1" });
    const outcomes = await post(key, "/api/v1/outcomes", { outcomes: [outcome("o-1"), outcome("o-\ud800")] });
    expect(outcomes.body).toEqual({ accepted: 1, duplicates: 0, rejected: [{ index: 1, id: "o-\ud800", errors: [{ path: "id", message: LONE }] }] });
    expect(await storedIds("outcomes", orgId)).toEqual(["o-1"]);
  });

  it("make an OTLP JSON request 400, storing nothing of it (protojson refuses them)", async () => {
    const { orgId, key } = await setup();
    const span = (spanId: string, model: string) => ({
      traceId: "5b8efff798038103d269b633813fc60c",
      spanId,
      name: "chat",
      startTimeUnixNano: "1795860000000000000",
      endTimeUnixNano: "1795860001000000000",
      attributes: [
        { key: "gen_ai.request.model", value: { stringValue: model } },
        { key: "gen_ai.usage.input_tokens", value: { intValue: 5 } },
        { key: "finops.team", value: { stringValue: "alpha" } },
      ],
    });
    const body = { resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans: [span("eee19b7ec3c1b174", "gpt-4o"), span("eee19b7ec3c1b175", "gpt-4o\udc00")] }] }] };
    const { status, body: answer } = await post(key, "/api/otlp/v1/traces", body);
    expect(status).toBe(400);
    // OTLP answers errors as a google.rpc.Status (code 3: INVALID_ARGUMENT)
    expect(answer).toMatchObject({ code: 3, message: expect.stringMatching(/unpaired low surrogate/) });
    expect(await storedIds("usage_events", orgId)).toEqual([]);
  });
});
