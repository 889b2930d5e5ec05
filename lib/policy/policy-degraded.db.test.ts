// When PostgreSQL becomes unreachable (hung or cut off), policy checks answer
// within 100 ms from each matching budget's fail mode, marked degraded; never
// a hang or 500.
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTcpProxy } from "@/tests/tcp-proxy";

const direct = new URL(inject("databaseUrl"));
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let server: { url: string; close: () => Promise<void> };
let keys: { open: string; closed: string };

beforeAll(async () => {
  proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const viaProxy = new URL(direct);
  viaProxy.port = String(proxy.port);
  process.env.DATABASE_URL = viaProxy.toString();
  const { startMachineServer } = await import("@/tests/machine-server");
  const { makeBudget, makeOrg } = await import("@/tests/factories");
  const { createApiKey } = await import("@/lib/api-keys/create-api-key");
  server = await startMachineServer();
  const { org, teams } = await makeOrg({ teams: ["search", "support"] });
  await makeBudget(org.id, { name: "search closed", scopeType: "team", scopeValue: teams[0].id, failMode: "closed" });
  await makeBudget(org.id, { name: "support open", scopeType: "team", scopeValue: teams[1].id, failMode: "open" });
  keys = {
    closed: (await createApiKey({ orgId: org.id, name: "search", scopes: ["policy"], teamId: teams[0].id })).secret,
    open: (await createApiKey({ orgId: org.id, name: "support", scopes: ["policy"], teamId: teams[1].id })).secret,
  };
});

afterAll(async () => {
  await server.close();
  const { stopListener } = await import("@/lib/db-listener");
  await stopListener();
  await proxy.close();
});

async function check(key: string, reserve: boolean) {
  const started = performance.now();
  const res = await fetch(`${server.url}/api/v1/policy/check`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ model: "gpt-4o", estimatedCostUsd: "0.01", reserve }),
  });
  return { status: res.status, body: await res.json(), ms: performance.now() - started };
}

async function expectFailModes(withinMs: number) {
  for (const reserve of [false, true]) {
    const closed = await check(keys.closed, reserve);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ decision: "deny", allowed: false, degraded: true });
    expect(closed.body.reason).toContain("'search closed'");
    expect(closed.ms).toBeLessThan(withinMs);
    const open = await check(keys.open, reserve);
    expect(open.body).toMatchObject({ decision: "allow", allowed: true, degraded: true });
    expect(open.ms).toBeLessThan(withinMs);
  }
}

describe("policy checks with PostgreSQL unreachable", () => {
  it("follow each budget's fail mode within 150 ms the moment PostgreSQL stops answering", async () => {
    // warm: both keys and budgets seen while the database answers
    expect((await check(keys.closed, true)).body.decision).toBe("allow");
    expect((await check(keys.open, true)).body.decision).toBe("allow");
    // no pause: PostgreSQL answered this process a moment ago, and now hangs without an error
    proxy.stall();
    await expectFailModes(150);
  });

  it("follow them within 100 ms with the connections cut, and a second on", async () => {
    proxy.cut();
    await new Promise((r) => setTimeout(r, 1_200));
    await expectFailModes(100);
  });
});
