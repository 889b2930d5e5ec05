import { teamScope } from "@/lib/auth/permissions";
import { route } from "@/lib/http/route";
import { listTeams } from "@/lib/teams/list-teams";

// GET /api/teams: the teams the signed-in user may see.
export const GET = route({ action: "spend.read" }, async ({ viewer }) => ({
  teams: await listTeams({ orgId: viewer.orgId, teamIds: teamScope(viewer) }),
}));
