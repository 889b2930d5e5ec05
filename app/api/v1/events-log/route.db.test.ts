// GET /api/v1/events-log with API keys: who may read, what they see. The
// session lookup (next-auth, which does not load under vitest) is mocked out.
import { describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { seedEventLog } from "@/lib/analytics/list-events.db-helpers";
import { ListEventsResponse } from "@/lib/schemas/events-log";
import { GET } from "./route";

vi.mock("@/lib/auth/viewer", () => ({ viewerOrThrow: async () => Promise.reject(new Error("no session in this test")) }));

const RANGE = "from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z";
const get = (query: string, key: string) => GET(new Request(`http://localhost/api/v1/events-log?${RANGE}&${query}`, { headers: { authorization: `Bearer ${key}` } }));

describe("GET /api/v1/events-log with an API key", () => {
  it("pages an admin key through the organisation, as the response schema says", async () => {
    const { orgId } = await seedEventLog(30);
    const { secret } = await createApiKey({ orgId, name: "finance-export", scopes: ["admin"] });
    const first = ListEventsResponse.parse(await (await get("limit=20", secret)).json());
    expect(first.events).toHaveLength(20);
    const second = ListEventsResponse.parse(await (await get(`limit=20&cursor=${encodeURIComponent(first.nextCursor!)}`, secret)).json());
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.events).toHaveLength(10);
  });

  it("limits a team-bound key to its team and refuses an unbound ingest key", async () => {
    const { orgId, alphaId } = await seedEventLog(30);
    const bound = await createApiKey({ orgId, name: "alpha-svc", scopes: ["ingest"], teamId: alphaId });
    const body = ListEventsResponse.parse(await (await get("limit=200", bound.secret)).json());
    expect(new Set(body.events.map((e) => e.team))).toEqual(new Set(["alpha"]));
    expect((await get("team=beta", bound.secret)).status).toBe(403);
    const unbound = await createApiKey({ orgId, name: "ingest", scopes: ["ingest"] });
    expect((await get("", unbound.secret)).status).toBe(403);
    expect((await get("cursor=nonsense", bound.secret)).status).toBe(422);
  });
});
