import { route } from "@/lib/http/route";
import { listCatalogPrices } from "@/lib/pricing/list-catalog-prices";
import { ListCatalogPricesQuery } from "@/lib/schemas/prices";

// GET /api/prices/catalog?q=&provider=&page=: one page of the public price catalog.
export const GET = route({ action: "prices.write", query: ListCatalogPricesQuery }, ({ query }) => listCatalogPrices(query));
