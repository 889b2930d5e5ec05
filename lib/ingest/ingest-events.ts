import type pg from "pg";
import { invalidateBudgetState } from "@/lib/policy/budget-state";
import { EventInput, type IngestResponse } from "@/lib/schemas/events";
import { EVENT_COLUMNS, type EventRow } from "./event-row";
import { GroupCommit } from "./group-commit";
import { ingestBody, ingestGroupCommitOptions, type IngestRequest, type ItemPipeline } from "./ingest-items";
import { priceEvent } from "./price-event";
import { copyLine } from "@/lib/pg-copy-text";
import { COPY_EVENTS_SQL, SETTLE_RESERVATIONS_SQL, STORE_EVENTS_SQL, STORED_EVENT_COLUMNS } from "./store-events-sql";
import { type CopyRows, type Inserted, type Pending, storeRows } from "./store-rows";

const NO_USAGE = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };

/** Settles, in the storing transaction, the reservations that new events name. */
async function settleReservations(client: pg.PoolClient, inserted: Inserted<EventRow>[]): Promise<void> {
  const settling = inserted.map((i) => i.row).filter((row) => row.reservationId);
  if (settling.length === 0) return;
  await client.query(SETTLE_RESERVATIONS_SQL, [
    settling.map((row) => row.orgId),
    settling.map((row) => row.reservationId),
    settling.map((row) => row.costUsd),
    settling.map((row) => row.unpriced),
    settling.map((row) => row.apiKeyId),
  ]);
}

/** The fields of COPY_EVENTS_SQL's columns: the stored columns, then team_id. */
const COPY_FIELDS: (keyof EventRow)[] = [...STORED_EVENT_COLUMNS.map(([, , field]) => field), "teamId"];

/**
 * Events whose team id is known go by COPY, in groups of 100 or more: for a
 * few single-event requests, COPY's extra round trip costs more than the
 * CPU it saves (bench:ingest (b): about 5% fewer events/s with COPY).
 */
const COPY_EVENTS: CopyRows<EventRow> = { sql: COPY_EVENTS_SQL, line: (row) => (row.teamId === null ? null : copyLine(row, COPY_FIELDS)), minRows: 100 };

async function flush(items: Pending<EventRow>[]): Promise<boolean[]> {
  // budget alerts are raised by the storing statement's trigger; reservations to settle need a statement more
  const settles = items.some((i) => i.row.reservationId) ? settleReservations : undefined;
  const stored = await storeRows(items, STORE_EVENTS_SQL, EVENT_COLUMNS, (row) => row.eventId, settles, COPY_EVENTS);
  // ledgers may have changed: this process stops using its copy at once
  for (const orgId of new Set(items.map((i) => i.row.orgId))) invalidateBudgetState(orgId);
  return stored;
}

const committer = new GroupCommit<Pending<EventRow>, boolean>(flush, ingestGroupCommitOptions("INGEST"));

export const eventPipeline: ItemPipeline<typeof EventInput, EventRow> = {
  key: "events",
  schema: EventInput,
  committer,
  toRow: (e, { ctx, principal, teamSlug, ts }) => {
    const usage = e.usage ?? NO_USAGE;
    const cost = priceEvent({ provider: e.provider, model: e.model, at: ts, usage, costUsd: e.costUsd, cacheHit: e.cacheHit }, ctx.resolvePrice);
    return {
      orgId: ctx.orgId, eventId: e.id, ts, teamSlug, teamId: ctx.teamIdBySlug.get(teamSlug) ?? null, feature: e.feature, provider: e.provider, model: e.model,
      inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, cachedInputTokens: usage.cachedInputTokens,
      cacheWriteTokens: usage.cacheWriteTokens, reasoningTokens: usage.reasoningTokens,
      costUsd: cost.costUsd, savedUsd: cost.savedUsd, costSource: cost.costSource, unpriced: cost.unpriced, pricedModel: cost.pricedModel, latencyMs: e.latencyMs ?? null, status: e.status, cacheHit: e.cacheHit,
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
