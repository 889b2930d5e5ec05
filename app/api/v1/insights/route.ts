import type { ApiKeyPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { routeWithKey } from "@/lib/http/route";
import { getInsights } from "@/lib/insights/get-insights";
import { GetInsightsQuery } from "@/lib/schemas/insights";

// Insights are read like spend: an `admin` key (every team, or its own team
// when bound) or a team-bound key of any scope, for its own team only.
const keyMayReadInsights = (key: ApiKeyPrincipal) => key.scopes.includes("admin") || key.teamId !== null;

// GET /api/v1/insights: where to save, most valuable first (API.md).
export const GET = routeWithKey(
  {
    action: "spend.read",
    keyMay: keyMayReadInsights,
    keyRefusal: "Reading insights needs an API key with the 'admin' scope or a key bound to a team.",
    query: GetInsightsQuery,
  },
  ({ caller, query }) => getInsights({ orgId: caller.orgId, teamIds: caller.teamIds, query }),
);
