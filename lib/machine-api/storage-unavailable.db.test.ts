// With PostgreSQL unreachable the machine endpoints answer 503 with
// Retry-After (never a 500, never a hang), and health says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  // a port nothing listens on; set before lib/db creates its pool
  process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/nowhere";
  const { startMachineServer } = await import("@/tests/machine-server");
  server = await startMachineServer();
});
afterAll(() => server.close());

describe("storage unavailable", () => {
  const ours = { error: { code: "storage_unavailable" } };
  it.each([
    { path: "/api/v1/events", answer: ours },
    { path: "/api/v1/outcomes", answer: ours },
    // OTLP's error body: a google.rpc.Status, UNAVAILABLE
    { path: "/api/otlp/v1/traces", answer: { code: 14 } },
  ])("POST $path answers 503 with Retry-After", async ({ path, answer }) => {
    const started = Date.now();
    const res = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer fo_${"A".repeat(43)}` },
      body: "{}",
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toMatchObject(answer);
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it("health answers 503", async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable", db: "unreachable" });
  });
});
