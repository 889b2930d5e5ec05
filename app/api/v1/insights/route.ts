import { routeWithKey } from "@/lib/http/route";
import { SPEND_KEY_ACCESS } from "@/lib/http/spend-key-access";
import { getInsights } from "@/lib/insights/get-insights";
import { GetInsightsQuery } from "@/lib/schemas/insights";

// GET /api/v1/insights: where to save, most valuable first (API.md).
export const GET = routeWithKey(
  {
    action: "spend.read",
    ...SPEND_KEY_ACCESS,
    query: GetInsightsQuery,
  },
  ({ caller, query }) => getInsights({ orgId: caller.orgId, teamIds: caller.teamIds, query }),
);
