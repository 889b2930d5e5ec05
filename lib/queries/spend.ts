import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { GetSpendResponse, SpendGroupBy, SpendInterval } from "@/lib/schemas/spend";
import { fetchJson } from "./fetch-json";

/** Query of GET /api/v1/spend as the page sends it; from and to are ISO instants. */
export type SpendParams = {
  from: string;
  to: string;
  groupBy: SpendGroupBy;
  interval: SpendInterval;
  team?: string;
  model?: string;
  feature?: string;
  provider?: string;
  customer?: string;
};

export function spendSearch(params: SpendParams): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "");
  return new URLSearchParams(entries.sort(([a], [b]) => (a < b ? -1 : 1))).toString();
}

export function fetchSpend(params: SpendParams): Promise<GetSpendResponse> {
  return fetchJson<GetSpendResponse>(`/api/v1/spend?${spendSearch(params)}`);
}

export function spendQueryOptions(params: SpendParams) {
  return queryOptions({ queryKey: ["spend", params], queryFn: () => fetchSpend(params) });
}

/** Keeps the previous answer on screen while another view loads. */
export function useSpend(params: SpendParams) {
  return useQuery({ ...spendQueryOptions(params), placeholderData: keepPreviousData });
}
