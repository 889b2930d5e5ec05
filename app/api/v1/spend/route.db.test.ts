// GET /api/v1/spend for API keys and sessions: who may read, what they see,
// the errors. The session lookup (next-auth, which does not load under
// vitest) is replaced by a viewer the test sets; everything else is real.
import { describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { expectAgreesWithRaw, rawSpend, seedSpendOrg } from "@/lib/analytics/raw-spend-oracle.db-helpers";
import { GetSpendQuery, GetSpendResponse } from "@/lib/schemas/spend";
import { session, viewer } from "@/tests/route-session";
import { GET } from "./route";

vi.mock("@/lib/auth/viewer", () => import("@/tests/route-session"));

const RANGE = "from=2026-10-22T13:47:12.345Z&to=2026-11-05T09:59:59.999Z";

function get(query: string, key?: string): Promise<Response> {
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  return GET(new Request(`http://localhost/api/v1/spend?${query}`, { headers }));
}

describe("GET /api/v1/spend with an API key", () => {
  it("answers an admin key with the whole organisation, as the response schema says", async () => {
    const { orgId } = await seedSpendOrg();
    const { secret } = await createApiKey({ orgId, name: "finance-export", scopes: ["admin"] });
    const res = await get(`${RANGE}&groupBy=model&interval=week`, secret);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = GetSpendResponse.parse(await res.json());
    const query = GetSpendQuery.parse(Object.fromEntries(new URLSearchParams(`${RANGE}&groupBy=model&interval=week`)));
    expectAgreesWithRaw(body, await rawSpend(orgId, query, null));
  });

  it("limits a team-bound key of any scope to its own team", async () => {
    const { orgId, teamIds } = await seedSpendOrg();
    const { secret } = await createApiKey({ orgId, name: "search-service", scopes: ["ingest"], teamId: teamIds.get("search")! });
    const res = await get(`${RANGE}&groupBy=team`, secret);
    expect(res.status).toBe(200);
    expect((await res.json()).series.map((s: { key: string }) => s.key)).toEqual(["search"]);
    const other = await get(`${RANGE}&team=support`, secret);
    expect(other.status).toBe(403);
    expect((await other.json()).error.code).toBe("forbidden");
  });

  it("refuses an unbound key without the admin scope (403) and a bad key (401)", async () => {
    const { orgId } = await seedSpendOrg();
    const { secret } = await createApiKey({ orgId, name: "ingest-only", scopes: ["ingest", "policy"] });
    const refused = await get(RANGE, secret);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/admin/);
    expect((await get(RANGE, `fo_${"A".repeat(43)}`)).status).toBe(401);
    expect((await get(RANGE, "not-a-key")).status).toBe(401);
  });

  it("answers 422 naming the field for a bad query", async () => {
    const { orgId } = await seedSpendOrg();
    const { secret } = await createApiKey({ orgId, name: "admin", scopes: ["admin"] });
    const res = await get("groupBy=user", secret);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "validation_failed", details: [{ path: "groupBy" }] });
    expect(body.error.message).toMatch(/^groupBy: /);
    const tooLong = await get("from=2026-08-01T00:00:00Z&to=2026-11-01T00:00:00Z&interval=hour", secret);
    expect(tooLong.status).toBe(422);
    expect((await tooLong.json()).error.message).toMatch(/^interval: .*at most 1000/);
  });
});

describe("GET /api/v1/spend with a session", () => {
  it("answers 401 without a session or key", async () => {
    const res = await get(RANGE);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
  });

  it("shows finance every team and a viewer only their own", async () => {
    const { orgId, teamIds } = await seedSpendOrg();
    session.viewer = viewer(orgId, "finance");
    const all = await (await get(`${RANGE}&groupBy=team`)).json();
    expect(all.series.length).toBeGreaterThan(2);
    session.viewer = viewer(orgId, "viewer", [teamIds.get("growth")!]);
    const own = await get(`${RANGE}&groupBy=team`);
    expect(own.status).toBe(200);
    expect((await own.json()).series.map((s: { key: string }) => s.key)).toEqual(["growth"]);
    expect((await get(`${RANGE}&team=search`)).status).toBe(403);
  });
});
