// Hundreds of simultaneous reserving checks, split across two app instances
// (this process and a second one) on one database, against a hard cap.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { pool } from "@/lib/db";
import { makeBudget, makeOrg } from "@/tests/factories";
import { startMachineServer } from "@/tests/machine-server";
import { stopListener } from "@/lib/db-listener";

let local: Awaited<ReturnType<typeof startMachineServer>>;
let other: ChildProcess;
let otherUrl: string;

beforeAll(async () => {
  local = await startMachineServer();
  other = spawn(process.execPath, ["--import", "tsx", "tests/machine-server-main.ts"], { env: { ...process.env }, stdio: ["ignore", "pipe", "inherit"] });
  const [line] = (await once(other.stdout!, "data")) as [Buffer];
  otherUrl = line.toString().trim();
}, 30_000);

afterAll(async () => {
  other.kill("SIGTERM");
  await local.close();
  await stopListener();
});

async function check(url: string, key: string, body: Record<string, unknown>) {
  const res = await fetch(`${url}/api/v1/policy/check`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return res.json();
}

describe("reserving checks under concurrency", () => {
  it("never let allowed estimates pass a hard cap, and refuse nothing affordable", async () => {
    const { org } = await makeOrg({ teams: ["search"] });
    const { secret } = await createApiKey({ orgId: org.id, name: "svc", scopes: ["policy"] });
    const budget = await makeBudget(org.id, { name: "hard cap", limitUsd: "100" });
    const request = { team: "search", model: "gpt-4o", estimatedCostUsd: "0.7", reserve: true };
    const all = await Promise.all(Array.from({ length: 400 }, (_, i) => check(i % 2 ? otherUrl : local.url, secret, request)));
    // on a loaded machine a check can outlast its storage deadline: it then answers degraded, by the
    // budget's fail mode (open here), without a reservation; the cap is judged on the other answers
    const answers = all.filter((a) => !a.degraded);
    expect(all.filter((a) => a.degraded).every((a) => a.decision === "allow" && a.estimatedCostUsd === null)).toBe(true);
    const allowed = answers.filter((a) => a.allowed);
    // 100 / 0.7 = 142.86: exactly 142 fit, none more
    expect(allowed).toHaveLength(142);
    expect(new Set(allowed.map((a) => a.reservationId)).size).toBe(142);
    expect(answers.filter((a) => a.decision === "deny").every((a) => a.reason.includes("'hard cap'"))).toBe(true);
    const { rows } = await pool().query("SELECT spent_usd::text AS spent, reserved_usd::text AS reserved FROM budget_ledgers WHERE budget_id = $1", [budget.id]);
    expect(rows[0]).toEqual({ spent: "0.000000000", reserved: "99.400000000" });
    // once the burst is over, what still fits is allowed, on either instance
    expect((await check(otherUrl, secret, { ...request, estimatedCostUsd: "0.6" })).decision).toBe("allow");
    expect((await check(local.url, secret, { ...request, estimatedCostUsd: "0.000000001" })).decision).toBe("deny");
    expect((await check(local.url, secret, { ...request, estimatedCostUsd: "0.000000001", reserve: false })).decision).toBe("deny");
  }, 60_000);
});
