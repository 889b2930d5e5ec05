// Every row of the events table in API.md: what is sent is what is stored,
// defaults apply, and each limit is enforced with the field named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { pool } from "@/lib/db";
import { makeOrg, makeUsageEvent } from "@/tests/factories";
import { startMachineServer } from "@/tests/machine-server";

let server: Awaited<ReturnType<typeof startMachineServer>>;
let key: string;
let orgId: string;
beforeAll(async () => {
  server = await startMachineServer();
  const { org } = await makeOrg();
  orgId = org.id;
  key = (await createApiKey({ orgId, name: "fields", scopes: ["ingest"] })).secret;
});
afterAll(() => server.close());

async function post(event: Record<string, unknown>) {
  const res = await fetch(`${server.url}/api/v1/events`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ events: [event] }) });
  return res.json();
}

async function stored(eventId: string) {
  const { rows } = await pool().query(
    `SELECT e.*, e.cost_usd::text AS cost, e.value_usd::text AS value, t.slug AS team
       FROM usage_events e JOIN teams t ON t.org_id = e.org_id AND t.id = e.team_id WHERE e.org_id = $1 AND e.event_id = $2`,
    [orgId, eventId],
  );
  return rows[0];
}

describe("event fields (API.md)", () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["timestamp", { timestamp: "2026-11-05T08:30:00.250+02:00" }, { ts: new Date("2026-11-05T06:30:00.250Z") }],
    ["feature", { feature: "Summarise" }, { feature: "summarise" }],
    ["provider", { provider: "OpenAI" }, { provider: "openai" }],
    ["model alias", { model: "gpt-4o-mini-2024-07-18" }, { model: "gpt-4o-mini-2024-07-18", priced_model: "gpt-4o-mini" }],
    ["costUsd as a number", { costUsd: 0.25 }, { cost: "0.250000000", cost_source: "client" }],
    ["latencyMs", { latencyMs: 812 }, { latency_ms: 812 }],
    ["status", { status: "error" }, { status: "error" }],
    ["cacheHit", { cacheHit: true }, { cache_hit: true, cost: "0.000000000" }],
    ["traceId", { traceId: "run-42" }, { trace_id: "run-42" }],
    ["reservationId", { reservationId: "rsv_1" }, { reservation_id: "rsv_1" }],
    ["promptHash", { promptHash: "sha256:ab12" }, { prompt_hash: "sha256:ab12" }],
    ["customerId and userId", { customerId: "acme", userId: "u-7" }, { customer_id: "acme", user_id: "u-7" }],
    ["valueUsd", { valueUsd: "3.5" }, { value: "3.500000000" }],
    ["metadata", { metadata: { region: "eu", tier: "gold" } }, { metadata: { region: "eu", tier: "gold" } }],
    [
      "text COPY must escape (backslash, tab, newline, carriage return) and text it must not touch",
      { metadata: { note: 'tab\there\nline\\back "q" \r \\N é 😀' }, customerId: "cust\\01\ttab", traceId: "t\nx" },
      { metadata: { note: 'tab\there\nline\\back "q" \r \\N é 😀' }, customer_id: "cust\\01\ttab", trace_id: "t\nx" },
    ],
    ["reasoning tokens", { usage: { inputTokens: 10, outputTokens: 100, reasoningTokens: 80 } }, { output_tokens: 100, reasoning_tokens: 80 }],
  ])("stores %s", async (_name, fields, expected) => {
    const event = makeUsageEvent(fields);
    expect(await post(event)).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await stored(event.id as string)).toMatchObject(expected);
  });

  it("stores the same text from a batch large enough to go by COPY (100 events or more)", async () => {
    const note = 'tab\there\nline\\back "q" \r \\N é 😀';
    const events = Array.from({ length: 120 }, (_, i) => makeUsageEvent({ id: `copy-text-${i}`, metadata: { note }, customerId: "cust\\01\ttab", traceId: "t\nx" }));
    const res = await fetch(`${server.url}/api/v1/events`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ events }) });
    expect(await res.json()).toEqual({ accepted: 120, duplicates: 0, rejected: [] });
    for (const i of [0, 119]) expect(await stored(`copy-text-${i}`)).toMatchObject({ metadata: { note }, customer_id: "cust\\01\ttab", trace_id: "t\nx" });
  });

  it("applies the defaults: receipt time, feature unassigned, status success, provider unknown", async () => {
    const event = { id: "defaults-1", team: "alpha", model: "gpt-4o" };
    const before = Date.now();
    await post(event);
    const row = await stored("defaults-1");
    expect(row).toMatchObject({ feature: "unassigned", status: "success", provider: "unknown", cache_hit: false, priced_model: "gpt-4o", input_tokens: 0 });
    expect(row.ts.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.ts.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["an empty id", { id: "" }, "id"],
    ["an id over 128 characters", { id: "x".repeat(129) }, "id"],
    ["a timestamp that is not ISO-8601", { timestamp: "yesterday" }, "timestamp"],
    ["a bad team slug", { team: "Team A!" }, "team"],
    ["a missing model", { model: undefined }, "model"],
    ["a negative cost", { costUsd: "-0.1" }, "costUsd"],
    ["a cost with 10 places", { costUsd: "0.0000000001" }, "costUsd"],
    ["a fractional latency", { latencyMs: 1.5 }, "latencyMs"],
    ["an unknown status", { status: "ok" }, "status"],
    ["a non-boolean cacheHit", { cacheHit: "yes" }, "cacheHit"],
    ["metadata with 51 keys", { metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) }, "metadata"],
    ["a non-string metadata value", { metadata: { n: 1 } }, "metadata.n"],
    ["a negative valueUsd", { valueUsd: -1 }, "valueUsd"],
    ["a value over a million dollars", { valueUsd: 1_000_001 }, "valueUsd"],
    ["usage in a shape not accepted", { usage: { promptTokenCount: 1000, candidatesTokenCount: 500 } }, "usage.promptTokenCount"],
    ["a NUL character in a text field", { userId: "a\u0000b" }, "userId"],
    ["a lone surrogate half in a metadata value", { metadata: { k: "\ud800" } }, "metadata.k"],
  ])("rejects %s naming %s", async (_name, fields, path) => {
    const body = await post(makeUsageEvent(fields));
    expect(body.accepted).toBe(0);
    expect(body.rejected[0].errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});
