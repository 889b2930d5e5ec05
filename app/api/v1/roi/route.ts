import { routeWithKey } from "@/lib/http/route";
import { SPEND_KEY_ACCESS } from "@/lib/http/spend-key-access";
import { getRoi } from "@/lib/roi/get-roi";
import { GetRoiQuery } from "@/lib/schemas/roi";

// GET /api/v1/roi: cost, tokens, value, ROI, value per million tokens and cost per outcome by team, feature or model (API.md).
export const GET = routeWithKey(
  {
    action: "spend.read",
    ...SPEND_KEY_ACCESS,
    query: GetRoiQuery,
  },
  ({ caller, query }) => getRoi({ orgId: caller.orgId, teamIds: caller.teamIds, query }),
);
