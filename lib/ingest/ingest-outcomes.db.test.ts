import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { pool } from "@/lib/db";
import { makeOrg } from "@/tests/factories";
import { startMachineServer } from "@/tests/machine-server";

let server: Awaited<ReturnType<typeof startMachineServer>>;
beforeAll(async () => {
  server = await startMachineServer();
});
afterAll(() => server.close());

async function post(key: string, body: unknown) {
  const res = await fetch(`${server.url}/api/v1/outcomes`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const outcome = (overrides: Record<string, unknown> = {}) => ({
  id: `o-${Math.random().toString(36).slice(2)}`,
  timestamp: "2026-11-03T12:00:00Z",
  team: "alpha",
  feature: "answer",
  kind: "ticket_resolved",
  valueUsd: "4.50",
  ...overrides,
});

describe("POST /api/v1/outcomes", () => {
  it("stores outcomes idempotently, with trace ids and counts", async () => {
    const { org } = await makeOrg();
    const { secret } = await createApiKey({ orgId: org.id, name: "svc", scopes: ["ingest"] });
    const batch = { outcomes: [outcome({ id: "a", traceId: "run-1" }), outcome({ id: "b", count: 3, valueUsd: 12 })] };
    expect(await post(secret, batch)).toEqual({ status: 200, body: { accepted: 2, duplicates: 0, rejected: [] } });
    expect(await post(secret, batch)).toEqual({ status: 200, body: { accepted: 0, duplicates: 2, rejected: [] } });
    const { rows } = await pool().query(
      "SELECT outcome_id, trace_id, value_usd::text AS value, count FROM outcomes WHERE org_id = $1 ORDER BY outcome_id",
      [org.id],
    );
    expect(rows).toEqual([
      { outcome_id: "a", trace_id: "run-1", value: "4.500000000", count: 1 },
      { outcome_id: "b", trace_id: null, value: "12.000000000", count: 3 },
    ]);
  });

  it("rejects invalid outcomes naming the field and keeps the valid ones", async () => {
    const { org } = await makeOrg();
    const { secret } = await createApiKey({ orgId: org.id, name: "svc", scopes: ["ingest"] });
    const { body } = await post(secret, { outcomes: [outcome({ valueUsd: "-1" }), outcome({ kind: undefined }), outcome({ count: 0 }), outcome()] });
    expect(body.accepted).toBe(1);
    expect(body.rejected.map((r: { errors: { path: string }[] }) => r.errors[0].path)).toEqual(["valueUsd", "kind", "count"]);
  });

  it("needs the ingest scope", async () => {
    const { org } = await makeOrg();
    const { secret } = await createApiKey({ orgId: org.id, name: "svc", scopes: ["policy"] });
    expect((await post(secret, { outcomes: [outcome()] })).status).toBe(403);
  });
});
