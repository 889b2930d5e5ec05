import { assertMayManageKey } from "@/lib/api-keys/authorize-key-change";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { route } from "@/lib/http/route";

// DELETE /api/api-keys/:id: revoke a key (it stops working at once).
export const DELETE = route({ action: "apiKeys.manage" }, async ({ viewer, params }) => ({
  apiKey: await revokeApiKey({
    orgId: viewer.orgId,
    id: params.id,
    actorUserId: viewer.userId,
    authorize: (teamId) => assertMayManageKey(viewer, { teamId }),
  }),
}));
