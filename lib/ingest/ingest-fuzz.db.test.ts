// Property-based fuzz: whatever the body, the events endpoint answers with a
// 4xx or a 200, never a 5xx; a 200 accounts for every item it was sent, and
// exactly the events it accepted are stored (a 4xx stores none).
import fc from "fast-check";
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
  key = (await createApiKey({ orgId: org.id, name: "fuzz", scopes: ["ingest"] })).secret;
});
afterAll(() => server.close());

// Values that look like events but carry wrong types, extremes and junk.
const junk = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(-1),
  fc.constant(2 ** 53),
  fc.constant("1e400"),
  fc.constant("\u0000"),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);
const fields = ["id", "timestamp", "team", "feature", "provider", "model", "usage", "costUsd", "latencyMs", "status", "cacheHit", "traceId", "valueUsd", "metadata"];
// A third valid, a third with junk in one field, a third with junk in one usage field of our
// shape or of a provider's: bodies mix accepted and rejected events.
const mutatedEvent = fc.oneof(
  fc.constant(null).map(() => makeUsageEvent()),
  fc.record({ field: fc.constantFrom(...fields), value: junk }).map(({ field, value }) => makeUsageEvent({ [field]: value })),
  fc
    .record({
      usage: fc.constantFrom({ inputTokens: 2000, outputTokens: 500 }, { prompt_tokens: 2000, completion_tokens: 500 }, { input_tokens: 2000, output_tokens: 500 }),
      usageField: fc.constantFrom("inputTokens", "cachedInputTokens", "reasoningTokens", "prompt_tokens", "completion_tokens", "input_tokens", "cache_read_input_tokens"),
      usageValue: junk,
    })
    .map(({ usage, usageField, usageValue }) => makeUsageEvent({ usage: { ...usage, [usageField]: usageValue } })),
);
const body = fc.oneof(
  fc.string().map((s) => ({ text: s, type: "application/json" })),
  fc.uint8Array({ maxLength: 200 }).map((b) => ({ text: Buffer.from(b).toString("latin1"), type: "application/json" })),
  fc.jsonValue().map((v) => ({ text: JSON.stringify(v), type: "application/json" })),
  fc.array(mutatedEvent, { maxLength: 8 }).map((events) => ({ text: JSON.stringify({ events }), type: "application/json" })),
  fc.array(fc.oneof(mutatedEvent.map((e) => JSON.stringify(e)), fc.string()), { maxLength: 8 }).map((lines) => ({ text: lines.join("\n"), type: "application/x-ndjson" })),
  fc.record({ events: junk }).map((v) => ({ text: JSON.stringify(v), type: "application/json" })),
);

const storedEvents = async () => (await pool().query<{ n: number }>("SELECT count(*)::int AS n FROM usage_events WHERE org_id = $1", [orgId])).rows[0].n;

/** How many items a body that the endpoint accepts holds: its events array, or its non-blank NDJSON lines. */
function itemCount(text: string, type: string): number {
  if (type === "application/x-ndjson") return text.split("\n").filter((line) => line.trim() !== "").length;
  return (JSON.parse(text) as { events: unknown[] }).events.length;
}

describe("malformed bodies", () => {
  it("never yield a 5xx, and store exactly the events a 200 accepts", async () => {
    let mixed = 0;
    await fc.assert(
      fc.asyncProperty(body, async ({ text, type }) => {
        const before = await storedEvents();
        const res = await fetch(`${server.url}/api/v1/events`, { method: "POST", headers: { "content-type": type, authorization: `Bearer ${key}` }, body: text });
        const answer = await res.json();
        expect(res.status, JSON.stringify(answer)).toBeLessThan(500);
        if (res.status === 200) expect(answer.accepted + answer.duplicates + answer.rejected.length).toBe(itemCount(text, type));
        else expect(answer.error.message).toBeTruthy();
        if (res.status === 200 && answer.accepted > 0 && answer.rejected.length > 0) mixed++;
        expect(await storedEvents()).toBe(before + (res.status === 200 ? answer.accepted : 0));
      }),
      { numRuns: 600 },
    );
    // the stored count was checked against batches that stored some events and refused others
    expect(mixed).toBeGreaterThan(50);
  }, 120_000);
});
