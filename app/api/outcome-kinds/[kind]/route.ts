import { route } from "@/lib/http/route";
import { deleteOutcomeKind } from "@/lib/roi/delete-outcome-kind";
import { updateOutcomeKind } from "@/lib/roi/update-outcome-kind";
import { UpdateOutcomeKindBody } from "@/lib/schemas/roi";

// PATCH /api/outcome-kinds/:kind: rename a kind or change its default (new outcomes only).
export const PATCH = route({ action: "prices.write", body: UpdateOutcomeKindBody }, async ({ viewer, params, body }) => ({
  kind: await updateOutcomeKind({ orgId: viewer.orgId, kind: params.kind, actorUserId: viewer.userId, body }),
}));

// DELETE /api/outcome-kinds/:kind: forget a kind's name and default; stored outcomes keep their value.
export const DELETE = route({ action: "prices.write" }, async ({ viewer, params }) => ({
  kind: await deleteOutcomeKind({ orgId: viewer.orgId, kind: params.kind, actorUserId: viewer.userId }),
}));
