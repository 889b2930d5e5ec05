"use client";

import { type FormEvent, useState } from "react";
import { type CatalogParams, FIRST_CATALOG_PAGE, useCatalogPrices } from "@/lib/queries/prices";
import type { CatalogPriceDto } from "@/lib/schemas/prices";
import { CatalogTable } from "./catalog-table";

export function CatalogSearch({ onOverride }: { onOverride: (price: CatalogPriceDto) => void }) {
  const [params, setParams] = useState<CatalogParams>(FIRST_CATALOG_PAGE);
  const catalog = useCatalogPrices(params);

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setParams({ q: String(data.get("q") ?? "").trim(), provider: String(data.get("provider") ?? "") || null, page: 1 });
  }

  return (
    <>
      <form role="search" aria-label="Search the price catalog" onSubmit={search} className="checks" style={{ alignItems: "flex-end" }}>
        <div className="field">
          <label htmlFor="catalog-q">Search models</label>
          <input id="catalog-q" name="q" type="text" defaultValue={params.q} placeholder="e.g. sonnet, gpt-4o" maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="catalog-provider">Catalog provider</label>
          <select id="catalog-provider" name="provider" defaultValue={params.provider ?? ""}>
            <option value="">All providers</option>
            {catalog.data?.providers.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button className="btn" type="submit">
            Search
          </button>
        </div>
      </form>
      <CatalogTable catalog={catalog} params={params} onPage={(page) => setParams({ ...params, page })} onOverride={onOverride} />
    </>
  );
}
