import { getSpendSeries } from "@/lib/analytics/get-spend-series";
import { routeWithKey } from "@/lib/http/route";
import { SPEND_KEY_ACCESS } from "@/lib/http/spend-key-access";
import { GetSpendQuery } from "@/lib/schemas/spend";

// GET /api/v1/spend: spend series by team, model, feature, provider or customer over time (API.md).
export const GET = routeWithKey({ action: "spend.read", query: GetSpendQuery, ...SPEND_KEY_ACCESS }, ({ caller, query }) =>
  getSpendSeries({ orgId: caller.orgId, teamIds: caller.teamIds, query }),
);
