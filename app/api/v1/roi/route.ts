import type { ApiKeyPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { routeWithKey } from "@/lib/http/route";
import { getRoi } from "@/lib/roi/get-roi";
import { GetRoiQuery } from "@/lib/schemas/roi";

// ROI is read like spend: an `admin` key (every team, or its own team when the
// key is team-bound) or a team-bound key of any scope, for its own team only;
// an unbound ingest or policy key never reads the whole organisation.
const keyMayReadRoi = (key: ApiKeyPrincipal) => key.scopes.includes("admin") || key.teamId !== null;

// GET /api/v1/roi: cost, tokens, value, ROI, value per million tokens and cost per outcome by team, feature or model (API.md).
export const GET = routeWithKey(
  {
    action: "spend.read",
    keyMay: keyMayReadRoi,
    keyRefusal: "Reading ROI needs an API key with the 'admin' scope or a key bound to a team.",
    query: GetRoiQuery,
  },
  ({ caller, query }) => getRoi({ orgId: caller.orgId, teamIds: caller.teamIds, query }),
);
