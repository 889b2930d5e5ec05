// The event log's query from the same URL as Explore (range and filters),
// plus a trace id; shared by the server page and the client view.
import type { EventsLogParams } from "@/lib/queries/events-log";
import { type ExploreSelection, parseSelection, selectionRange, selectionSearch } from "./explore-params";

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

export function parseTraceId(params: Params): string | undefined {
  const value = params instanceof URLSearchParams ? params.get("traceId") : params.traceId;
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

export function eventsLogParams(params: Params, now: Date): EventsLogParams {
  const selection = parseSelection(params);
  const traceId = parseTraceId(params);
  return { ...selectionRange(selection, now), ...selection.filters, ...(traceId ? { traceId } : {}) };
}

/** The event log of a selection: its range and filters (grouping and chart kept for the way back). */
export function eventsLogHref(selection: ExploreSelection): string {
  const search = selectionSearch(selection);
  return search ? `/explore/events?${search}` : "/explore/events";
}
