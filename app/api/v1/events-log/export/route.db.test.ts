// GET /api/v1/events-log/export: a streamed CSV of every matching event. The
// session lookup (next-auth, which does not load under vitest) is replaced by
// a viewer the test sets; everything else is real.
import { describe, expect, it, vi } from "vitest";
import { seedEventLog } from "@/lib/analytics/list-events.db-helpers";
import { session, viewer } from "@/tests/route-session";
import { GET } from "./route";

vi.mock("@/lib/auth/viewer", () => import("@/tests/route-session"));

const get = (query: string) => GET(new Request(`http://localhost/api/v1/events-log/export?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&${query}`));

/** RFC 4180 lines; the seeded customer id holds a comma and quotes but no line break. */
const lines = (csv: string) => csv.split("\r\n").filter((l) => l !== "");

describe("GET /api/v1/events-log/export", () => {
  it("streams every matching event across keyset pages, money exact", async () => {
    const { orgId } = await seedEventLog(2_345);
    session.viewer = viewer(orgId, "finance");
    const res = await get("");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="events-2026-11-01-2026-11-02\.csv"$/);
    const [header, ...rows] = lines(await res.text());
    expect(header.startsWith("id,timestamp,team,feature,provider,model,priced_model,")).toBe(true);
    expect(rows).toHaveLength(2_345);
    expect(new Set(rows.map((r) => r.split(",")[0])).size).toBe(2_345);
    const last = rows.find((r) => r.startsWith("evt-02344,"))!;
    expect(last).toContain(",0.000002345,catalog,false,false,0.000000000,");
    expect(rows.find((r) => r.startsWith("evt-00007,"))).toMatch(/,"cus,""acme"""$/);
  });

  it("applies the filters and the team scope", async () => {
    const { orgId, alphaId } = await seedEventLog(100);
    session.viewer = viewer(orgId, "team_lead", [alphaId]);
    expect(lines(await (await get("")).text())).toHaveLength(51);
    expect(lines(await (await get("model=claude")).text())).toHaveLength(1);
    expect((await get("team=beta")).status).toBe(403);
  });

  it("refuses without a session (401) and a bad query (422)", async () => {
    expect((await get("")).status).toBe(401);
    const { orgId } = await seedEventLog(1);
    session.viewer = viewer(orgId, "finance");
    expect((await get("limit=abc")).status).toBe(422);
  });
});
