import { prisma } from "@/lib/db";
import type { PriceOverrideDto } from "@/lib/schemas/prices";
import { toPriceOverrideDto } from "./to-price-dto";

/** The organisation's price overrides by provider and model, newest first within a model. */
export async function listPriceOverrides({ orgId }: { orgId: string }): Promise<PriceOverrideDto[]> {
  const rows = await prisma().priceOverride.findMany({
    where: { orgId },
    orderBy: [{ provider: "asc" }, { model: "asc" }, { effectiveFrom: "desc" }],
  });
  return rows.map(toPriceOverrideDto);
}
