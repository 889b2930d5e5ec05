import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { pool } from "@/lib/db";
import { makeOrg, makeUsageEvent } from "@/tests/factories";
import { startMachineServer } from "@/tests/machine-server";
import { foldAll } from "@/tests/fold-all";

let server: Awaited<ReturnType<typeof startMachineServer>>;
beforeAll(async () => {
  server = await startMachineServer();
});
afterAll(() => server.close());

async function setup(options: { teamBound?: boolean; scopes?: ("ingest" | "policy" | "admin")[] } = {}) {
  const { org, teams } = await makeOrg();
  const { secret } = await createApiKey({ orgId: org.id, name: "svc", scopes: options.scopes ?? ["ingest"], teamId: options.teamBound ? teams[0].id : null });
  return { org, teams, key: secret };
}

function post(key: string | null, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function totals(orgId: string) {
  await foldAll();
  const { rows } = await pool().query(
    `SELECT (SELECT count(*)::int FROM usage_events WHERE org_id = $1) AS events,
            (SELECT coalesce(sum(cost_usd), 0)::text FROM usage_events WHERE org_id = $1) AS cost,
            (SELECT coalesce(sum(cost_usd), 0)::text FROM usage_rollups_hourly WHERE org_id = $1) AS hourly,
            (SELECT coalesce(sum(cost_usd), 0)::text FROM usage_rollups_daily WHERE org_id = $1) AS daily,
            (SELECT coalesce(sum(events), 0)::int FROM usage_rollups_hourly WHERE org_id = $1) AS hourly_events`,
    [orgId],
  );
  return rows[0];
}

describe("POST /api/v1/events", () => {
  it("stores a priced event, its rollups, and answers per API.md", async () => {
    const { org, key } = await setup();
    const res = await post(key, { events: [makeUsageEvent({ id: "e1" })] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const { rows } = await pool().query("SELECT cost_usd::text AS cost, cost_source, priced_model, unpriced FROM usage_events WHERE org_id = $1", [org.id]);
    // gpt-4o: 2000 × $2.50/M + 500 × $10/M
    expect(rows[0]).toEqual({ cost: "0.010000000", cost_source: "catalog", priced_model: "gpt-4o", unpriced: false });
    expect(await totals(org.id)).toMatchObject({ events: 1, cost: "0.010000000", hourly: "0.010000000", daily: "0.010000000", hourly_events: 1 });
  });

  // batches of 100 events or more go by COPY, smaller ones by INSERT (ingest-events.ts)
  it.each([50, 150])("replaying a whole batch of %i changes nothing, and a half-replayed one stores only its new half", async (size) => {
    const { org, key } = await setup();
    const events = Array.from({ length: 2 * size }, (_, i) => makeUsageEvent({ id: `r-${i}`, usage: { inputTokens: 100 + i, outputTokens: 7 } }));
    const batch = { events: events.slice(0, size) };
    expect(await (await post(key, batch)).json()).toEqual({ accepted: size, duplicates: 0, rejected: [] });
    const before = await totals(org.id);
    expect(await (await post(key, batch)).json()).toEqual({ accepted: 0, duplicates: size, rejected: [] });
    expect(await totals(org.id)).toEqual(before);
    const half = size / 2;
    expect(await (await post(key, { events: events.slice(half, size + half) })).json()).toEqual({ accepted: half, duplicates: half, rejected: [] });
    const after = await totals(org.id);
    expect([after.events, after.hourly_events, after.hourly]).toEqual([size + half, size + half, after.cost]);
  });

  it.each([2, 120])("counts a repeated id inside one batch of %i as a duplicate", async (size) => {
    const { org, key } = await setup();
    const events = Array.from({ length: size - 1 }, (_, i) => makeUsageEvent({ id: `e-${i}` }));
    expect(await (await post(key, { events: [...events, events[0]] })).json()).toEqual({ accepted: size - 1, duplicates: 1, rejected: [] });
    expect((await totals(org.id)).events).toBe(size - 1);
  });

  it("stores valid events and rejects the others, naming the field", async () => {
    const { org, key } = await setup();
    const res = await post(key, {
      events: [
        makeUsageEvent({ id: "ok-1" }),
        makeUsageEvent({ id: "bad-1", usage: { inputTokens: -5 } }),
        makeUsageEvent({ id: "ok-2" }),
        { id: "bad-2", team: "alpha" },
        makeUsageEvent({ id: "bad-3", timestamp: new Date(Date.now() + 3_600_000).toISOString() }),
        "not an object",
      ],
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.accepted).toBe(2);
    expect(body.rejected.map((r: { index: number; id: string | null; errors: { path: string }[] }) => [r.index, r.id, r.errors[0].path])).toEqual([
      [1, "bad-1", "usage.inputTokens"],
      [3, "bad-2", "model"],
      [4, "bad-3", "timestamp"],
      [5, null, ""],
    ]);
    expect((await totals(org.id)).events).toBe(2);
  });

  it("rejects a timestamp PostgreSQL cannot store (year 0) and stores the rest of the batch", async () => {
    const { org, key } = await setup();
    const res = await post(key, { events: [makeUsageEvent({ id: "ok-1" }), makeUsageEvent({ id: "year-0", timestamp: "0000-06-01T00:00:00Z" }), makeUsageEvent({ id: "ok-2" })] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [{ index: 1, id: "year-0", errors: [{ path: "timestamp", message: "must not be before 1970-01-01T00:00:00Z" }] }],
    });
    expect((await totals(org.id)).events).toBe(2);
  });

  it("accepts NDJSON, rejecting only the bad lines", async () => {
    const { key } = await setup();
    const lines = [JSON.stringify(makeUsageEvent()), "{not json", "", JSON.stringify(makeUsageEvent())].join("\n");
    const res = await post(key, lines, { "content-type": "application/x-ndjson" });
    const body = await res.json();
    expect(body.accepted).toBe(2);
    expect(body.rejected).toEqual([{ index: 1, id: null, errors: [{ path: "", message: "this line is not valid JSON" }] }]);
  });

  it("normalises OpenAI- and Anthropic-shaped usage and prices each bucket once", async () => {
    const { org, key } = await setup();
    await post(key, {
      events: [
        makeUsageEvent({ id: "oa", model: "gpt-4o-2024-08-06", usage: { prompt_tokens: 2000, completion_tokens: 500, prompt_tokens_details: { cached_tokens: 1000 } } }),
        makeUsageEvent({ id: "an", provider: "anthropic", model: "claude-3-5-sonnet-20241022", usage: { input_tokens: 100, output_tokens: 50, cache_read_input_tokens: 1000, cache_creation_input_tokens: 200 } }),
      ],
    });
    const { rows } = await pool().query(
      "SELECT event_id, input_tokens, cached_input_tokens, cache_write_tokens, cost_usd::text AS cost FROM usage_events WHERE org_id = $1 ORDER BY event_id",
      [org.id],
    );
    expect(rows).toEqual([
      // claude-3-5-sonnet: 100 × $3 + 1000 × $0.30 + 200 × $3.75 + 50 × $15 per million
      { event_id: "an", input_tokens: 1300, cached_input_tokens: 1000, cache_write_tokens: 200, cost: "0.002100000" },
      // gpt-4o: 1000 × $2.50 + 1000 × $1.25 + 500 × $10 per million
      { event_id: "oa", input_tokens: 2000, cached_input_tokens: 1000, cache_write_tokens: 0, cost: "0.008750000" },
    ]);
  });

  it("stores unpriced models flagged, a client cost as sent, and cache hits as savings", async () => {
    const { org, key } = await setup();
    await post(key, {
      events: [
        makeUsageEvent({ id: "u", model: "in-house-llm-7b", provider: "self-hosted" }),
        makeUsageEvent({ id: "c", costUsd: "0.123456789" }),
        makeUsageEvent({ id: "h", cacheHit: true }),
      ],
    });
    const { rows } = await pool().query("SELECT event_id, cost_usd::text AS cost, saved_usd::text AS saved, cost_source, unpriced FROM usage_events WHERE org_id = $1 ORDER BY event_id", [org.id]);
    expect(rows).toEqual([
      { event_id: "c", cost: "0.123456789", saved: "0.000000000", cost_source: "client", unpriced: false },
      { event_id: "h", cost: "0.000000000", saved: "0.010000000", cost_source: "cache_hit", unpriced: false },
      { event_id: "u", cost: "0.000000000", saved: "0.000000000", cost_source: "unpriced", unpriced: true },
    ]);
    await foldAll();
    const { rows: rollup } = await pool().query("SELECT sum(unpriced_events)::int AS unpriced, sum(cache_hits)::int AS hits, sum(saved_usd)::text AS saved FROM usage_rollups_hourly WHERE org_id = $1", [org.id]);
    expect(rollup[0]).toEqual({ unpriced: 1, hits: 1, saved: "0.010000000" });
  });

  it("creates an unknown team as unreviewed, or rejects it when the organisation turned that off", async () => {
    const { org, key } = await setup();
    await post(key, { events: [makeUsageEvent({ team: "shadow-ai" })] });
    const { rows } = await pool().query("SELECT unreviewed FROM teams WHERE org_id = $1 AND slug = 'shadow-ai'", [org.id]);
    expect(rows).toEqual([{ unreviewed: true }]);

    const strict = await setup();
    await pool().query("UPDATE organizations SET auto_create_teams = false WHERE id = $1", [strict.org.id]);
    const body = await (await post(strict.key, { events: [makeUsageEvent({ team: "nope" }), makeUsageEvent()] })).json();
    expect(body.accepted).toBe(1);
    expect(body.rejected[0].errors[0].path).toBe("team");
  });

  it("lets a team-bound key write only its team", async () => {
    const { org, teams, key } = await setup({ teamBound: true });
    expect(await (await post(key, { events: [makeUsageEvent({ team: undefined })] })).json()).toMatchObject({ accepted: 1 });
    const res = await post(key, { events: [makeUsageEvent({ team: teams[1].slug })] });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
    expect((await totals(org.id)).events).toBe(1);
  });

  it("requires a team when the key is not bound to one", async () => {
    const { key } = await setup();
    const body = await (await post(key, { events: [makeUsageEvent({ team: undefined })] })).json();
    expect(body.rejected[0].errors[0]).toMatchObject({ path: "team" });
  });

  it.each([
    ["no key", null, 401],
    ["an unknown key", `fo_${"A".repeat(43)}`, 401],
  ])("answers 401 for %s", async (_what, key, status) => {
    const res = await post(key, { events: [makeUsageEvent()] });
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe("unauthenticated");
  });

  it("answers 403 for a key without the ingest scope", async () => {
    const { key } = await setup({ scopes: ["policy"] });
    expect((await post(key, { events: [makeUsageEvent()] })).status).toBe(403);
  });

  it("answers another method with 405, naming the allowed one in Allow", async () => {
    const res = await fetch(`${server.url}/api/v1/events`, { method: "GET" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect((await res.json()).error.code).toBe("method_not_allowed");
  });

  it.each([
    ["not JSON", "{oops", 400],
    ["no events array", JSON.stringify({ event: [] }), 400],
    ["more than 5,000 events", JSON.stringify({ events: Array.from({ length: 5001 }, () => ({})) }), 413],
  ])("answers %s with %i", async (_what, body, status) => {
    const { key } = await setup();
    const res = await post(key, body);
    expect(res.status).toBe(status);
    expect((await res.json()).error.message).toBeTruthy();
  });

  it.each([
    ["with its length declared", false],
    ["sent chunked, counted while reading it", true],
  ])("refuses a body over 5 MB %s", async (_how, chunked) => {
    const { key } = await setup();
    const big = JSON.stringify({ events: [makeUsageEvent({ metadata: { blob: "x".repeat(1000) } })], pad: "y".repeat(6 * 1024 * 1024) });
    const res = await fetch(`${server.url}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      // a stream has no length to declare: fetch sends it chunked
      ...(chunked ? { body: new Blob([big]).stream(), duplex: "half" } : { body: big }),
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
  });

  it("keeps exact decimal totals", async () => {
    const { org, key } = await setup();
    const events = Array.from({ length: 1000 }, (_, i) => makeUsageEvent({ id: `d-${i}`, costUsd: "0.000000001" }));
    await post(key, { events });
    expect(await totals(org.id)).toMatchObject({ cost: "0.000001000", hourly: "0.000001000", daily: "0.000001000" });
  });
});
