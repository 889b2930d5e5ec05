// The Explore view lives in the URL: every choice is a search parameter, so a
// view can be shared. Parsed the same way by the server page (to prefetch)
// and the client view (to fetch), so their query keys match. Ranges are UTC:
// presets end at the next whole UTC hour (whole hours and days come from
// rollups); a custom range is whole UTC days, `to` inclusive.
import type { SpendParams } from "@/lib/queries/spend";
import { SpendGroupBy, SpendInterval } from "@/lib/schemas/spend";

export const RANGES = { "7d": "Last 7 days", "30d": "Last 30 days", "90d": "Last 90 days", mtd: "Month to date", "last-month": "Last month", custom: "Custom" } as const;
export type RangeKey = keyof typeof RANGES;
export const FILTERS = ["team", "model", "feature", "provider", "customer"] as const;
export type FilterKey = (typeof FILTERS)[number];
export type ChartKind = "area" | "bar";

export type ExploreSelection = {
  range: RangeKey;
  /** Custom range, YYYY-MM-DD, both days included. */
  start: string | null;
  end: string | null;
  groupBy: SpendGroupBy;
  interval: SpendInterval;
  chart: ChartKind;
  filters: Partial<Record<FilterKey, string>>;
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, name: string): string | null {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text ? text : null;
}

export function parseSelection(params: Params): ExploreSelection {
  const range = read(params, "range");
  const [start, end] = [read(params, "start"), read(params, "end")];
  const custom = range === "custom" && start !== null && end !== null && DATE.test(start) && DATE.test(end);
  const filters: ExploreSelection["filters"] = {};
  for (const key of FILTERS) {
    const value = read(params, key);
    if (value !== null) filters[key] = value;
  }
  return {
    range: custom ? "custom" : range !== null && range in RANGES && range !== "custom" ? (range as RangeKey) : "30d",
    start: custom ? start : null,
    end: custom ? end : null,
    groupBy: SpendGroupBy.safeParse(read(params, "groupBy")).data ?? "team",
    interval: SpendInterval.safeParse(read(params, "interval")).data ?? "day",
    chart: read(params, "chart") === "bar" ? "bar" : "area",
    filters,
  };
}

/** The URL search string of a selection; defaults are left out. */
export function selectionSearch(selection: ExploreSelection): string {
  const entries: [string, string][] = [];
  if (selection.range !== "30d") entries.push(["range", selection.range]);
  if (selection.range === "custom" && selection.start && selection.end) entries.push(["start", selection.start], ["end", selection.end]);
  if (selection.groupBy !== "team") entries.push(["groupBy", selection.groupBy]);
  if (selection.interval !== "day") entries.push(["interval", selection.interval]);
  if (selection.chart !== "area") entries.push(["chart", selection.chart]);
  for (const key of FILTERS) {
    const value = selection.filters[key];
    if (value) entries.push([key, value]);
  }
  return new URLSearchParams(entries).toString();
}

/** [from, to) of the selection as ISO instants, `now` rounded up to the hour. */
export function selectionRange(selection: ExploreSelection, now: Date): { from: string; to: string } {
  const end = Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS;
  const monthStart = (ms: number, back: number) => {
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1);
  };
  const span = (from: number, to: number) => ({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  switch (selection.range) {
    case "7d":
      return span(end - 7 * DAY_MS, end);
    case "90d":
      return span(end - 90 * DAY_MS, end);
    case "mtd":
      return span(monthStart(now.getTime(), 0), end);
    case "last-month":
      return span(monthStart(now.getTime(), 1), monthStart(now.getTime(), 0));
    case "custom":
      return span(Date.parse(`${selection.start}T00:00:00Z`), Date.parse(`${selection.end}T00:00:00Z`) + DAY_MS);
    default:
      return span(end - 30 * DAY_MS, end);
  }
}

/** The spend query of the selection and of the previous period of equal length. */
export function spendParams(selection: ExploreSelection, now: Date): { current: SpendParams; previous: SpendParams } {
  const { from, to } = selectionRange(selection, now);
  const length = Date.parse(to) - Date.parse(from);
  const base = { groupBy: selection.groupBy, interval: selection.interval, ...selection.filters };
  return {
    current: { ...base, from, to },
    previous: { ...base, from: new Date(Date.parse(from) - length).toISOString(), to: from },
  };
}

const DRILL_ORDER: SpendGroupBy[] = ["team", "model", "feature", "provider"];

/**
 * The narrower view a table row leads to: the row's key becomes a filter and
 * the grouping moves to the next dimension not yet filtered; null when every
 * dimension is filtered (the next step is the event log).
 */
export function drillDown(selection: ExploreSelection, key: string): ExploreSelection | null {
  const filters = { ...selection.filters, [selection.groupBy]: key };
  const next = DRILL_ORDER.find((g) => g !== selection.groupBy && filters[g] === undefined);
  return next ? { ...selection, groupBy: next, filters } : null;
}
