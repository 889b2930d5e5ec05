// Display labels shared by the ROI preparers (pure). Numbers made here are
// for display only; every sum was made exactly on the server.
import { formatCount, formatMoney } from "@/lib/format";
import type { RoiGroupBy, RoiMetrics } from "@/lib/schemas/roi";

/** What a row's ROI is: a number, undefined for lack of cost, or unknown for lack of value. */
export type RoiStatus = "known" | "no-cost" | "unknown";

export const VALUE_UNKNOWN = "value unknown";
export const ROI_UNDEFINED = "undefined (no cost)";

export function roiStatus(m: Pick<RoiMetrics, "valueKnown" | "roi">): RoiStatus {
  if (!m.valueKnown) return "unknown";
  return m.roi === null ? "no-cost" : "known";
}

const pct = new Intl.NumberFormat("en-US", { style: "percent", signDisplay: "exceptZero", maximumFractionDigits: 0 });
const pctFine = new Intl.NumberFormat("en-US", { style: "percent", signDisplay: "exceptZero", maximumFractionDigits: 1 });

/** ROI as a signed percentage ("+150%", "−40%"), or why there is none. */
export function formatRoi(m: Pick<RoiMetrics, "valueKnown" | "roi">): string {
  const status = roiStatus(m);
  if (status === "unknown") return VALUE_UNKNOWN;
  if (status === "no-cost" || m.roi === null) return ROI_UNDEFINED;
  return (Math.abs(m.roi) < 0.1 ? pctFine : pct).format(m.roi).replace("-", "−");
}

/** Outcomes are whole unless shared between groups. */
export function formatOutcomes(outcomes: number): string {
  return Number.isInteger(outcomes) ? formatCount(outcomes) : outcomes.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

export function formatRatioMoney(decimal: string | null): string {
  return decimal === null ? "—" : formatMoney(decimal);
}

/** A group's key as shown: model null means outcomes whose team and feature made no calls in the range. */
export function groupLabel(key: string | null, groupBy: RoiGroupBy): string {
  if (key !== null) return key;
  return groupBy === "model" ? "no calls in range" : "—";
}

/** One colour per name, assigned once from the sorted set of names. */
export function colourOf(names: Iterable<string>): (name: string) => string {
  const sorted = [...new Set(names)].sort();
  return (name) => PALETTE[Math.max(0, sorted.indexOf(name)) % PALETTE.length];
}

export const PALETTE = ["#1f4e79", "#9a6200", "#1e7a55", "#7a3e9d", "#b42318", "#2b7bb9", "#6b7280", "#a15c00", "#0f766e", "#be185d"];
export const GOOD = "#1e7a55";
export const BAD = "#b42318";
