import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { ListEventsResponse } from "@/lib/schemas/events-log";
import { fetchJson } from "./fetch-json";

/** Query of GET /api/v1/events-log as the page sends it; from and to are ISO instants. */
export type EventsLogParams = {
  from: string;
  to: string;
  team?: string;
  model?: string;
  feature?: string;
  provider?: string;
  customer?: string;
  traceId?: string;
  /** Position after the last event of the previous page; absent = newest. */
  cursor?: string;
};

export function eventsLogSearch(params: EventsLogParams): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "");
  return new URLSearchParams(entries.sort(([a], [b]) => (a < b ? -1 : 1))).toString();
}

export function fetchEventsLog(params: EventsLogParams): Promise<ListEventsResponse> {
  return fetchJson<ListEventsResponse>(`/api/v1/events-log?${eventsLogSearch(params)}`);
}

export function eventsLogQueryOptions(params: EventsLogParams) {
  return queryOptions({ queryKey: ["events-log", params], queryFn: () => fetchEventsLog(params) });
}

/** Keeps the current page on screen while the next one loads. */
export function useEventsLog(params: EventsLogParams) {
  return useQuery({ ...eventsLogQueryOptions(params), placeholderData: keepPreviousData });
}
