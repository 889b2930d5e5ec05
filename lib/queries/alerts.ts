import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { AcknowledgeAlertResponse, ListAlertsResponse } from "@/lib/schemas/alerts";
import { fetchJson } from "./fetch-json";

export type AlertsParams = { status: "open" | "all" };

const PAGE_SIZE = 50;

export function fetchAlerts(params: AlertsParams & { cursor: string | null }): Promise<ListAlertsResponse> {
  const search = new URLSearchParams({ status: params.status, limit: String(PAGE_SIZE) });
  if (params.cursor) search.set("cursor", params.cursor);
  return fetchJson<ListAlertsResponse>(`/api/alerts?${search}`);
}

export function alertsQueryOptions(params: AlertsParams) {
  return infiniteQueryOptions({
    queryKey: ["alerts", params],
    queryFn: ({ pageParam }) => fetchAlerts({ ...params, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // new alerts arrive with ingested spend
    refetchInterval: 30_000,
  });
}

export function useAlerts(params: AlertsParams) {
  return useInfiniteQuery(alertsQueryOptions(params));
}

export function useAcknowledgeAlert(options: { onSuccess?: (result: AcknowledgeAlertResponse) => void } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson<AcknowledgeAlertResponse>(`/api/alerts/${encodeURIComponent(id)}/ack`, { method: "POST" }),
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: ["alerts"] });
      options.onSuccess?.(result);
    },
  });
}
