// The Insights view lives in the URL (range preset, team, kind), so a view can
// be shared. Parsed the same way by the server page (to prefetch) and the
// client view (to fetch), so their query keys match. The range ends at the
// next whole UTC hour of the page's `now`.
import { type ExploreSelection, type RangeKey, selectionSearch } from "@/components/explore/explore-params";
import type { InsightsParams } from "@/lib/queries/insights";
import type { z } from "zod";
import { InsightKind } from "@/lib/schemas/insights";

export const INSIGHT_RANGE_DAYS = [7, 30, 90] as const;
export type InsightRangeDays = (typeof INSIGHT_RANGE_DAYS)[number];
export const DEFAULT_DAYS: InsightRangeDays = 30;

export type InsightsSelection = { days: InsightRangeDays; team: string | null; kind: z.infer<typeof InsightKind> | null };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, name: string): string | null {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text ? text : null;
}

export function parseInsightsSelection(params: Params): InsightsSelection {
  const days = Number(read(params, "days"));
  return {
    days: (INSIGHT_RANGE_DAYS as readonly number[]).includes(days) ? (days as InsightRangeDays) : DEFAULT_DAYS,
    team: read(params, "team"),
    kind: InsightKind.safeParse(read(params, "kind")).data ?? null,
  };
}

/** The page's URL of a selection; defaults are left out. */
export function insightsHref(selection: InsightsSelection): string {
  const entries: [string, string][] = [];
  if (selection.days !== DEFAULT_DAYS) entries.push(["days", String(selection.days)]);
  if (selection.team) entries.push(["team", selection.team]);
  if (selection.kind) entries.push(["kind", selection.kind]);
  const search = new URLSearchParams(entries).toString();
  return search ? `/insights?${search}` : "/insights";
}

/** The API query of a selection (the kind filter is applied on the page). */
export function insightsParams(selection: InsightsSelection, now: Date): InsightsParams {
  const to = Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS;
  return {
    from: new Date(to - selection.days * DAY_MS).toISOString(),
    to: new Date(to).toISOString(),
    ...(selection.team ? { team: selection.team } : {}),
  };
}

type Filters = ExploreSelection["filters"];

/** Explore over the same preset range, filtered; grouped by the first dimension not filtered yet. */
export function exploreHref(days: InsightRangeDays, filters: Filters): string {
  const groupBy = filters.model ? "provider" : filters.feature ? "model" : filters.team ? "feature" : "team";
  const selection: ExploreSelection = { range: `${days}d` as RangeKey, start: null, end: null, groupBy, interval: "day", chart: "area", filters };
  return `/explore?${selectionSearch(selection)}`;
}

/** Explore over one UTC day (YYYY-MM-DD), filtered. */
export function exploreDayHref(day: string, filters: Filters): string {
  const selection: ExploreSelection = { range: "custom", start: day, end: day, groupBy: filters.feature ? "model" : "feature", interval: "hour", chart: "bar", filters };
  return `/explore?${selectionSearch(selection)}`;
}

/** The event log of one agent trace, over the preset range. */
export function traceEventsHref(days: InsightRangeDays, traceId: string): string {
  const search = new URLSearchParams(days === 30 ? [["traceId", traceId]] : [["range", `${days}d`], ["traceId", traceId]]);
  return `/explore/events?${search.toString()}`;
}
