// Names of the insight kinds, as the page shows them.
import type { InsightDto } from "@/lib/schemas/insights";

export type InsightKind = InsightDto["kind"];

export const KIND_LABELS: Record<InsightKind, string> = {
  right_size: "Right-size",
  redundancy: "Redundant prompts",
  runaway_agent: "Runaway agent",
  anomaly: "Anomaly",
  prompt_bloat: "Prompt bloat",
  unbudgeted: "Unbudgeted",
};

/** The kinds in the order the filter lists them. */
export const KINDS = Object.keys(KIND_LABELS) as InsightKind[];

/** Badge tone of a kind: money to save now, spend to watch, or governance. */
export const KIND_TONE: Record<InsightKind, string> = {
  right_size: "tag-good",
  redundancy: "tag-good",
  prompt_bloat: "tag-good",
  runaway_agent: "tag-bad",
  anomaly: "tag-bad",
  unbudgeted: "tag-warn",
};
