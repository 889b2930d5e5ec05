import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { PricesView } from "@/components/prices/prices-view";
import { requirePermission } from "@/lib/auth/viewer";
import { listCatalogPrices } from "@/lib/pricing/list-catalog-prices";
import { listPriceOverrides } from "@/lib/pricing/list-price-overrides";
import { listUnpricedModels } from "@/lib/pricing/list-unpriced-models";
import { catalogPricesQueryOptions, FIRST_CATALOG_PAGE, priceOverridesQueryOptions, unpricedModelsQueryOptions } from "@/lib/queries/prices";

export const metadata = { title: "Prices" };

export default async function PricesPage() {
  const viewer = await requirePermission("prices.write");
  const queryClient = new QueryClient();
  const [overrides, models, catalog] = await Promise.all([
    listPriceOverrides({ orgId: viewer.orgId }),
    listUnpricedModels({ orgId: viewer.orgId }),
    listCatalogPrices(FIRST_CATALOG_PAGE),
  ]);
  queryClient.setQueryData(priceOverridesQueryOptions().queryKey, { overrides });
  queryClient.setQueryData(unpricedModelsQueryOptions().queryKey, { models });
  queryClient.setQueryData(catalogPricesQueryOptions(FIRST_CATALOG_PAGE).queryKey, catalog);
  return (
    <>
      <div className="page-header">
        <p>
          <Link href="/settings">Settings</Link> /
        </p>
        <h1>Prices</h1>
        <p>
          Events are priced at the price in force at their timestamp: your overrides first, then the public catalog. Prices are US dollars per
          million tokens.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <PricesView timeZone={viewer.timeZone} />
      </HydrationBoundary>
    </>
  );
}
