import { prisma } from "@/lib/db";
import { CATALOG_PAGE_SIZE, type ListCatalogPricesQuery, type ListCatalogPricesResponse } from "@/lib/schemas/prices";
import { toCatalogPriceDto } from "./to-price-dto";

/**
 * One page of the public price catalog (not tenant data), newest price of a
 * model first. `q` matches provider or model, case-insensitively.
 */
export async function listCatalogPrices({ q, provider, page }: ListCatalogPricesQuery): Promise<ListCatalogPricesResponse> {
  const where = {
    ...(provider ? { provider } : {}),
    ...(q ? { OR: [{ model: { contains: q, mode: "insensitive" as const } }, { provider: { contains: q, mode: "insensitive" as const } }] } : {}),
  };
  const [rows, total, providers] = await Promise.all([
    prisma().catalogPrice.findMany({
      where,
      orderBy: [{ provider: "asc" }, { model: "asc" }, { effectiveFrom: "desc" }],
      skip: (page - 1) * CATALOG_PAGE_SIZE,
      take: CATALOG_PAGE_SIZE,
    }),
    prisma().catalogPrice.count({ where }),
    prisma().catalogPrice.findMany({ distinct: ["provider"], select: { provider: true }, orderBy: { provider: "asc" } }),
  ]);
  return { prices: rows.map(toCatalogPriceDto), page, pageSize: CATALOG_PAGE_SIZE, total, providers: providers.map((p) => p.provider) };
}
