import { getSpendSeries } from "@/lib/analytics/get-spend-series";
import type { ApiKeyPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { routeWithKey } from "@/lib/http/route";
import { GetSpendQuery } from "@/lib/schemas/spend";

// Spend is readable by an `admin` key (every team, or its own team when the
// key is team-bound) and by a team-bound key of any scope, for its own team
// only: a service may watch what it spends, while an unbound ingest or policy
// key, which sits in many services, never reads the whole organisation.
const keyMayReadSpend = (key: ApiKeyPrincipal) => key.scopes.includes("admin") || key.teamId !== null;

// GET /api/v1/spend: spend series by team, model, feature, provider or customer over time (API.md).
export const GET = routeWithKey(
  {
    action: "spend.read",
    keyMay: keyMayReadSpend,
    keyRefusal: "Reading spend needs an API key with the 'admin' scope or a key bound to a team.",
    query: GetSpendQuery,
  },
  ({ caller, query }) => getSpendSeries({ orgId: caller.orgId, teamIds: caller.teamIds, query }),
);
