import { after } from "next/server";
import { route } from "@/lib/http/route";
import { createPriceOverride } from "@/lib/pricing/create-price-override";
import { listPriceOverrides } from "@/lib/pricing/list-price-overrides";
import { repriceUnpriced } from "@/lib/pricing/reprice-unpriced";
import { CreatePriceOverrideBody } from "@/lib/schemas/prices";

// GET /api/prices/overrides: the organisation's price overrides.
export const GET = route({ action: "prices.write" }, async ({ viewer }) => ({
  overrides: await listPriceOverrides({ orgId: viewer.orgId }),
}));

// POST /api/prices/overrides: add an override and re-price the unpriced events it covers.
export const POST = route({ action: "prices.write", body: CreatePriceOverrideBody, status: 201 }, async ({ viewer, body }) => {
  const result = await createPriceOverride({ ...body, orgId: viewer.orgId, actorUserId: viewer.userId });
  // Beyond the synchronous bound, the rest is re-priced after the answer;
  // re-pricing is idempotent, so a lost run is redone by the next one.
  if (!result.repricingComplete) after(() => repriceUnpriced({ orgId: viewer.orgId }).catch((err: unknown) => console.error("re-pricing failed:", err)));
  return result;
});
