// GET /api/v1/spend/export: the Explore table as CSV, money exact. The session
// lookup (next-auth, which does not load under vitest) is replaced by a viewer
// the test sets; everything else is real.
import { describe, expect, it, vi } from "vitest";
import { getSpendSeries } from "@/lib/analytics/get-spend-series";
import { seedSpendOrg } from "@/lib/analytics/raw-spend-oracle.db-helpers";
import { formatUsd, parseUsd, sumUsd } from "@/lib/money";
import { GetSpendQuery } from "@/lib/schemas/spend";
import { session, viewer } from "@/tests/route-session";
import { GET } from "./route";

vi.mock("@/lib/auth/viewer", () => import("@/tests/route-session"));

const RANGE = "from=2026-10-29T00:00:00Z&to=2026-11-05T00:00:00Z";

describe("GET /api/v1/spend/export", () => {
  it("answers the table of the view: one row per key, spend exactly as the spend API sums it", async () => {
    const { orgId, teamIds } = await seedSpendOrg();
    session.viewer = viewer(orgId, "finance");
    const res = await GET(new Request(`http://localhost/api/v1/spend/export?${RANGE}&groupBy=team`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="spend-by-team-2026-10-29-2026-11-05.csv"');
    const [header, ...rows] = (await res.text()).split("\r\n").filter(Boolean);
    expect(header).toBe("team,spend_usd,share_pct,change_pct,tokens,requests,cost_per_1k_requests_usd");
    const spend = await getSpendSeries({ orgId, teamIds: null, query: GetSpendQuery.parse(Object.fromEntries(new URLSearchParams(`${RANGE}&groupBy=team`))) });
    expect(rows).toHaveLength(spend.series.length);
    const support = spend.series.find((s) => s.key === "support")!;
    const supportCost = formatUsd(sumUsd(support.points.map((p) => parseUsd(p.costUsd))));
    expect(rows.find((r) => r.startsWith("support,"))!.split(",")[1]).toBe(supportCost);

    session.viewer = viewer(orgId, "team_lead", [teamIds.get("support")!]);
    const scoped = (await (await GET(new Request(`http://localhost/api/v1/spend/export?${RANGE}&groupBy=team`))).text()).split("\r\n").filter(Boolean);
    expect(scoped.slice(1).map((r) => r.split(",")[0])).toEqual(["support"]);
  });
});
