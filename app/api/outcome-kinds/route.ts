import { route } from "@/lib/http/route";
import { createOutcomeKind } from "@/lib/roi/create-outcome-kind";
import { listOutcomeKinds } from "@/lib/roi/list-outcome-kinds";
import { CreateOutcomeKindBody } from "@/lib/schemas/roi";

// Outcome kinds are set by finance and admins: the roles that set prices
// ("prices.write"), since a default value prices outcomes the way a price
// override prices calls.

// GET /api/outcome-kinds: the named kinds and the kinds received without a name.
export const GET = route({ action: "prices.write" }, ({ viewer }) => listOutcomeKinds({ orgId: viewer.orgId }));

// POST /api/outcome-kinds: name a kind, optionally with a default value per unit.
export const POST = route({ action: "prices.write", body: CreateOutcomeKindBody, status: 201 }, async ({ viewer, body }) => ({
  kind: await createOutcomeKind({ orgId: viewer.orgId, actorUserId: viewer.userId, body }),
}));
