import type { ApiKeyPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { routeWithKey } from "@/lib/http/route";
import { dismissInsight } from "@/lib/insights/dismiss-insight";
import { DismissInsightBody } from "@/lib/schemas/insights";

const adminKey = (key: ApiKeyPrincipal) => key.scopes.includes("admin");

// POST /api/v1/insights/dismissals: hide an insight, saying why.
export const POST = routeWithKey(
  { action: "insights.manage", keyMay: adminKey, keyRefusal: "Dismissing insights needs an API key with the 'admin' scope.", body: DismissInsightBody, status: 201 },
  ({ caller, body }) => dismissInsight(caller, body),
);
