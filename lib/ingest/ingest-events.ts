import { EventInput, type IngestResponse } from "@/lib/schemas/events";
import { EVENT_COLUMNS, type EventRow } from "./event-row";
import { GroupCommit } from "./group-commit";
import { groupCommitOptions, ingestBody, type IngestRequest, type ItemPipeline } from "./ingest-items";
import { priceEvent } from "./price-event";
import { STORE_EVENTS_SQL } from "./store-events-sql";
import { type Pending, storeRows } from "./store-rows";

const NO_USAGE = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };

const committer = new GroupCommit<Pending<EventRow>, boolean>(
  (items) => storeRows(items, STORE_EVENTS_SQL, EVENT_COLUMNS, (row) => row.eventId),
  groupCommitOptions("INGEST"),
);

export const eventPipeline: ItemPipeline<typeof EventInput, EventRow> = {
  key: "events",
  schema: EventInput,
  committer,
  toRow: (e, { ctx, principal, teamSlug, ts }) => {
    const usage = e.usage ?? NO_USAGE;
    const cost = priceEvent({ provider: e.provider, model: e.model, at: ts, usage, costUsd: e.costUsd, cacheHit: e.cacheHit }, ctx.resolvePrice);
    return {
      orgId: ctx.orgId, eventId: e.id, ts, teamSlug, feature: e.feature, provider: e.provider, model: e.model,
      ...usage, ...cost, latencyMs: e.latencyMs ?? null, status: e.status, cacheHit: e.cacheHit,
      traceId: e.traceId ?? null, reservationId: e.reservationId ?? null, promptHash: e.promptHash ?? null,
      customerId: e.customerId ?? null, userId: e.userId ?? null, valueUsd: e.valueUsd ?? null,
      metadata: e.metadata ? JSON.stringify(e.metadata) : null, apiKeyId: principal.keyId,
    };
  },
};

/** POST /api/v1/events: validate each event, price it, store the valid ones durably. */
export function ingestEvents(request: IngestRequest): Promise<IngestResponse> {
  return ingestBody(eventPipeline, request);
}
