import { route } from "@/lib/http/route";
import { deletePriceOverride } from "@/lib/pricing/delete-price-override";

// DELETE /api/prices/overrides/:id: delete an override; events it priced keep their cost.
export const DELETE = route({ action: "prices.write" }, async ({ viewer, params }) => ({
  override: await deletePriceOverride({ orgId: viewer.orgId, id: params.id, actorUserId: viewer.userId }),
}));
