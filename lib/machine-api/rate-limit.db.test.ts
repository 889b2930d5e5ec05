// 429 with Retry-After once a key passes its rate (configured low here).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { makeOrg, makeUsageEvent } from "@/tests/factories";

process.env.RATE_LIMIT_PER_SECOND = "1";
process.env.RATE_LIMIT_BURST = "3";

let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  const { startMachineServer } = await import("@/tests/machine-server");
  server = await startMachineServer();
});
afterAll(() => server.close());

describe("per-key rate limit", () => {
  it("answers 429 with Retry-After past the burst, per key", async () => {
    const { org } = await makeOrg();
    const a = await createApiKey({ orgId: org.id, name: "a", scopes: ["ingest"] });
    const b = await createApiKey({ orgId: org.id, name: "b", scopes: ["ingest"] });
    const post = (key: string) =>
      fetch(`${server.url}/api/v1/events`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ events: [makeUsageEvent()] }),
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(a.secret)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await post(a.secret);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await limited.json()).error.code).toBe("rate_limited");
    expect((await post(b.secret)).status).toBe(200);
  });
});
