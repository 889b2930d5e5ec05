import { assertMayManageKey } from "@/lib/api-keys/authorize-key-change";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { teamScope } from "@/lib/auth/permissions";
import { route } from "@/lib/http/route";
import { CreateApiKeyBody } from "@/lib/schemas/api-keys";

// GET /api/api-keys: the keys the signed-in user may manage (never their secrets).
export const GET = route({ action: "apiKeys.manage" }, async ({ viewer }) => ({
  apiKeys: await listApiKeys({ orgId: viewer.orgId, teamIds: teamScope(viewer) }),
}));

// POST /api/api-keys: create a key; the answer carries its secret, shown once.
export const POST = route({ action: "apiKeys.manage", body: CreateApiKeyBody, status: 201 }, async ({ viewer, body }) => {
  assertMayManageKey(viewer, { teamId: body.teamId ?? null, scopes: body.scopes });
  return createApiKey({ orgId: viewer.orgId, name: body.name, scopes: body.scopes, teamId: body.teamId, actorUserId: viewer.userId });
});
