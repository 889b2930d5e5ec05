import { listAlerts } from "@/lib/alerts/list-alerts";
import { teamScope } from "@/lib/auth/permissions";
import { route } from "@/lib/http/route";
import { ListAlertsQuery } from "@/lib/schemas/alerts";

// GET /api/alerts: alerts the signed-in user may see (team roles: their teams' budgets), newest first.
export const GET = route({ action: "spend.read", query: ListAlertsQuery }, async ({ viewer, query }) =>
  listAlerts({ orgId: viewer.orgId, teamIds: teamScope(viewer), status: query.status, limit: query.limit, cursor: query.cursor }),
);
