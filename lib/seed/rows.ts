// The rows the demo generator produces and the writer stores. Teams are
// named by slug; the writer maps them to team ids.
import type { Usage } from "@/lib/pricing/types";

export type UsageRow = {
  id: string;
  ts: Date;
  team: string;
  feature: string;
  provider: string;
  model: string;
  usage: Usage;
  latencyMs: number;
  status: "success" | "error";
  /** Answered from the application's cache: no provider cost. */
  cacheHit: boolean;
  traceId: string | null;
  promptHash: string | null;
  customerId: string | null;
  userId: string | null;
};

export type OutcomeRow = {
  id: string;
  ts: Date;
  team: string;
  feature: string;
  /** Set: attributed to the events of the trace; null: to team and feature. */
  traceId: string | null;
  kind: string;
  /** Decimal string, dollars per outcome. */
  valueUsd: string;
  count: number;
};

export type GeneratedItem = { type: "event"; row: UsageRow } | { type: "outcome"; row: OutcomeRow };
