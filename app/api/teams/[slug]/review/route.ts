import { route } from "@/lib/http/route";
import { reviewTeam } from "@/lib/teams/review-team";

// POST /api/teams/{slug}/review: finance confirms a team ingest created is known.
export const POST = route({ action: "teams.review" }, async ({ viewer, params }) => ({
  team: await reviewTeam({ orgId: viewer.orgId, actorUserId: viewer.userId, slug: params.slug }),
}));
