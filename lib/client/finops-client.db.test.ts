import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { pool } from "@/lib/db";
import { makeBudget, makeOrg } from "@/tests/factories";
import { machineServerForTests } from "@/tests/machine-server";
import { FinOpsClient } from "./finops-client";

const server = machineServerForTests();

describe("FinOpsClient against the server", () => {
  it("checks with a reservation, records the call, and the ledger settles", async () => {
    const { org } = await makeOrg({ teams: ["search"] });
    const { secret } = await createApiKey({ orgId: org.id, name: "svc", scopes: ["ingest", "policy"] });
    const budget = await makeBudget(org.id, { limitUsd: "50" });
    const client = new FinOpsClient({ baseUrl: server.url(), apiKey: secret, flushIntervalMs: 10 });
    const answer = await client.check({ team: "search", model: "gpt-4o", estimate: { inputTokens: 2000, outputTokens: 500 }, reserve: true });
    expect(answer).toMatchObject({ decision: "allow", estimatedCostUsd: "0.010000000" });
    client.record({ team: "search", model: answer.model, usage: { prompt_tokens: 1000, completion_tokens: 100 }, reservationId: answer.reservationId });
    await client.close();
    const { rows } = await pool().query("SELECT spent_usd::text AS spent, reserved_usd::text AS reserved FROM budget_ledgers WHERE budget_id = $1", [budget.id]);
    // 1000 × $2.50/M + 100 × $10/M
    expect(rows[0]).toEqual({ spent: "0.003500000", reserved: "0.000000000" });
  });
});
