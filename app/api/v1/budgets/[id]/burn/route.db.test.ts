// GET /api/v1/budgets/:id/burn for sessions and API keys: scoped like the
// list. The session lookup (next-auth does not load under vitest) is replaced
// by a viewer the test sets; everything else is real.
import { describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { GetBudgetBurnResponse } from "@/lib/schemas/budget-reads";
import { makeBudget, makeOrg } from "@/tests/factories";
import { session, viewer } from "@/tests/route-session";
import { GET } from "./route";

vi.mock("@/lib/auth/viewer", () => import("@/tests/route-session"));

async function get(id: string, key?: string): Promise<{ status: number; body: { error?: { code: string } } }> {
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  const res = await GET(new Request(`http://localhost/api/v1/budgets/${id}/burn`, { headers }), { params: Promise.resolve({ id }) });
  return { status: res.status, body: await res.json() };
}

async function setup() {
  const { org, teams } = await makeOrg();
  const alpha = await makeBudget(org.id, { scopeType: "team", scopeValue: teams[0].id });
  const whole = await makeBudget(org.id);
  return { org, teams, alpha, whole };
}

describe("GET /api/v1/budgets/:id/burn", () => {
  it("answers finance with any budget's burn, as the response schema says", async () => {
    const { org, whole } = await setup();
    session.viewer = viewer(org.id, "finance");
    const { status, body } = await get(whole.id);
    expect(status).toBe(200);
    expect(GetBudgetBurnResponse.parse(body).burn.budgetId).toBe(whole.id);
  });

  it("gives a viewer their teams' budgets only: others are not found", async () => {
    const { org, teams, alpha, whole } = await setup();
    session.viewer = viewer(org.id, "viewer", [teams[0].id]);
    expect((await get(alpha.id)).status).toBe(200);
    expect(await get(whole.id)).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });

  it("takes admin keys (a team-bound one sees its team), refuses other keys and anonymous callers", async () => {
    const { org, teams, alpha, whole } = await setup();
    const admin = await createApiKey({ orgId: org.id, name: "ops", scopes: ["admin"] });
    const bound = await createApiKey({ orgId: org.id, name: "beta ops", scopes: ["admin"], teamId: teams[1].id });
    const ingest = await createApiKey({ orgId: org.id, name: "svc", scopes: ["ingest"] });
    expect((await get(whole.id, admin.secret)).status).toBe(200);
    expect((await get(alpha.id, bound.secret)).status).toBe(404);
    expect(await get(whole.id, ingest.secret)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(await get(whole.id)).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
  });
});
