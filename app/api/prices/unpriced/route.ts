import { route } from "@/lib/http/route";
import { listUnpricedModels } from "@/lib/pricing/list-unpriced-models";

// GET /api/prices/unpriced: models of the organisation's events that have no price.
export const GET = route({ action: "prices.write" }, async ({ viewer }) => ({
  models: await listUnpricedModels({ orgId: viewer.orgId }),
}));
