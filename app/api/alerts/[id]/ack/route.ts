import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { teamScope } from "@/lib/auth/permissions";
import { route } from "@/lib/http/route";

// POST /api/alerts/:id/ack: acknowledge an alert (roles that write budgets, within the alerts they see).
export const POST = route({ action: "budgets.write" }, async ({ viewer, params }) => ({
  alert: await acknowledgeAlert({ orgId: viewer.orgId, id: params.id, teamIds: teamScope(viewer), actorUserId: viewer.userId }),
}));
