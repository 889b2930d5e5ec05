"use client";

import { formatCount } from "@/lib/format";
import type { CatalogParams, useCatalogPrices } from "@/lib/queries/prices";
import type { CatalogPriceDto } from "@/lib/schemas/prices";
import { PriceCells, PriceHeaders } from "./price-cells";
import { ActionsHeader } from "@/components/ui/actions-header";
import { QueryFallback } from "@/components/ui/query-error";
import { ScrollTable } from "@/components/ui/scroll-table";

type Props = {
  catalog: ReturnType<typeof useCatalogPrices>;
  params: CatalogParams;
  onPage: (page: number) => void;
  onOverride: (price: CatalogPriceDto) => void;
};

function emptyReason({ q, provider }: CatalogParams): string {
  if (!q && !provider) return "The catalog is empty: the server loads it from lib/pricing/catalog.json when it starts.";
  const where = provider ? ` at ${provider}` : "";
  return `No catalog price matches “${q}”${where}. A model the catalog lacks can still be priced with an override.`;
}

export function CatalogTable({ catalog, params, onPage, onOverride }: Props) {
  if (!catalog.isSuccess) return <QueryFallback query={catalog} loading="the price catalog" failed="the price catalog" />;
  const { prices, total, page, pageSize } = catalog.data;
  if (prices.length === 0) return <p className="empty">{emptyReason(params)}</p>;
  const pages = Math.ceil(total / pageSize);
  const first = (page - 1) * pageSize + 1;
  return (
    <div aria-busy={catalog.isPlaceholderData}>
      <p className="muted" aria-live="polite">
        Prices {formatCount(first)}–{formatCount(first + prices.length - 1)} of {formatCount(total)}
      </p>
      <ScrollTable
        testId="price-catalog"
        caption="Public catalog prices in US dollars per million tokens"
        headers={
          <>
            <PriceHeaders />
            <ActionsHeader />
          </>
        }
      >
        {prices.map((row) => (
          <tr key={row.id}>
            <PriceCells row={row} />
            <td>
              <button className="btn" type="button" onClick={() => onOverride(row)}>
                Override<span className="sr-only"> {row.provider}/{row.model}</span>
              </button>
            </td>
          </tr>
        ))}
      </ScrollTable>
      <nav aria-label="Catalog pages" className="checks" style={{ alignItems: "center", marginTop: "0.75rem" }}>
        <button className="btn" type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous page
        </button>
        <span>
          Page {formatCount(page)} of {formatCount(pages)}
        </span>
        <button className="btn" type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next page
        </button>
      </nav>
    </div>
  );
}
