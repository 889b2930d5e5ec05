import type { ApiKeyPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { routeWithKey } from "@/lib/http/route";
import { restoreInsight } from "@/lib/insights/dismiss-insight";

const adminKey = (key: ApiKeyPrincipal) => key.scopes.includes("admin");

// DELETE /api/v1/insights/dismissals/{insightId}: show a dismissed insight again.
export const DELETE = routeWithKey(
  { action: "insights.manage", keyMay: adminKey, keyRefusal: "Restoring insights needs an API key with the 'admin' scope." },
  ({ caller, params }) => restoreInsight(caller, params.id),
);
