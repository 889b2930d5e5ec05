import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreatePriceOverrideInput,
  CreatePriceOverrideResponse,
  DeletePriceOverrideResponse,
  ListCatalogPricesResponse,
  ListPriceOverridesResponse,
  ListUnpricedModelsResponse,
} from "@/lib/schemas/prices";
import { fetchJson } from "./fetch-json";

export type CatalogParams = { q: string; provider: string | null; page: number };

export const FIRST_CATALOG_PAGE: CatalogParams = { q: "", provider: null, page: 1 };

export function fetchCatalogPrices({ q, provider, page }: CatalogParams): Promise<ListCatalogPricesResponse> {
  const search = new URLSearchParams({ q, page: String(page), ...(provider ? { provider } : {}) });
  return fetchJson<ListCatalogPricesResponse>(`/api/prices/catalog?${search}`);
}

export function catalogPricesQueryOptions(params: CatalogParams) {
  return queryOptions({ queryKey: ["price-catalog", params], queryFn: () => fetchCatalogPrices(params) });
}

/** Keeps the previous page on screen while the next one loads. */
export function useCatalogPrices(params: CatalogParams) {
  return useQuery({ ...catalogPricesQueryOptions(params), placeholderData: keepPreviousData });
}

export function fetchPriceOverrides(): Promise<ListPriceOverridesResponse> {
  return fetchJson<ListPriceOverridesResponse>("/api/prices/overrides");
}

export function priceOverridesQueryOptions() {
  return queryOptions({ queryKey: ["price-overrides", {}], queryFn: fetchPriceOverrides });
}

export function usePriceOverrides() {
  return useQuery(priceOverridesQueryOptions());
}

export function fetchUnpricedModels(): Promise<ListUnpricedModelsResponse> {
  return fetchJson<ListUnpricedModelsResponse>("/api/prices/unpriced");
}

export function unpricedModelsQueryOptions() {
  return queryOptions({ queryKey: ["unpriced-models", {}], queryFn: fetchUnpricedModels });
}

export function useUnpricedModels() {
  return useQuery(unpricedModelsQueryOptions());
}

/** A new override also re-prices events, so the unpriced list changes too. */
export function useCreatePriceOverride() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePriceOverrideInput) =>
      fetchJson<CreatePriceOverrideResponse>("/api/prices/overrides", { method: "POST", body: JSON.stringify(body) }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: priceOverridesQueryOptions().queryKey }),
        client.invalidateQueries({ queryKey: unpricedModelsQueryOptions().queryKey }),
      ]),
  });
}

export function useDeletePriceOverride() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<DeletePriceOverrideResponse>(`/api/prices/overrides/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: priceOverridesQueryOptions().queryKey }),
  });
}
