import type { Columns } from "./store-rows";

// One usage event as stored: validated, priced, team named by slug, and by
// id when this process knows it (then the row can be stored by COPY; else
// the storing statement resolves the slug).
export type EventRow = {
  orgId: string;
  eventId: string;
  ts: Date;
  teamSlug: string;
  teamId: string | null;
  feature: string;
  provider: string;
  model: string;
  pricedModel: string | null;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  costUsd: string;
  costSource: string;
  unpriced: boolean;
  latencyMs: number | null;
  status: string;
  cacheHit: boolean;
  savedUsd: string;
  traceId: string | null;
  reservationId: string | null;
  promptHash: string | null;
  customerId: string | null;
  userId: string | null;
  valueUsd: string | null;
  metadata: string | null;
  apiKeyId: string | null;
};

/** Column, its SQL array type, and the row field feeding it, in insert order. */
export const EVENT_COLUMNS: Columns<EventRow> = [
  ["org_id", "text", "orgId"],
  ["event_id", "text", "eventId"],
  ["ts", "timestamptz", "ts"],
  ["team_slug", "text", "teamSlug"],
  ["feature", "text", "feature"],
  ["provider", "text", "provider"],
  ["model", "text", "model"],
  ["priced_model", "text", "pricedModel"],
  ["input_tokens", "int", "inputTokens"],
  ["output_tokens", "int", "outputTokens"],
  ["cached_input_tokens", "int", "cachedInputTokens"],
  ["cache_write_tokens", "int", "cacheWriteTokens"],
  ["reasoning_tokens", "int", "reasoningTokens"],
  ["cost_usd", "numeric", "costUsd"],
  ["cost_source", "text", "costSource"],
  ["unpriced", "boolean", "unpriced"],
  ["latency_ms", "int", "latencyMs"],
  ["status", "text", "status"],
  ["cache_hit", "boolean", "cacheHit"],
  ["saved_usd", "numeric", "savedUsd"],
  ["trace_id", "text", "traceId"],
  ["reservation_id", "text", "reservationId"],
  ["prompt_hash", "text", "promptHash"],
  ["customer_id", "text", "customerId"],
  ["user_id", "text", "userId"],
  ["value_usd", "numeric", "valueUsd"],
  ["metadata", "jsonb", "metadata"],
  ["api_key_id", "text", "apiKeyId"],
];
