import { csvRow } from "@/lib/csv";
import type { EventLogEntry, ListEventsQuery } from "@/lib/schemas/events-log";
import { EventCursor } from "@/lib/schemas/events-log";
import { listEvents } from "./list-events";

const PAGE = 1000;

export const EVENTS_CSV_HEADER = [
  "id", "timestamp", "team", "feature", "provider", "model", "priced_model",
  "input_tokens", "output_tokens", "cached_input_tokens", "cache_write_tokens", "reasoning_tokens",
  "cost_usd", "cost_source", "unpriced", "cache_hit", "saved_usd", "status", "latency_ms", "trace_id", "customer_id",
];

function eventCsv(e: EventLogEntry): string {
  const t = e.tokens;
  return csvRow([
    e.id, e.timestamp, e.team, e.feature, e.provider, e.model, e.pricedModel,
    t.input, t.output, t.cachedInput, t.cacheWrite, t.reasoning,
    e.costUsd, e.costSource, e.unpriced, e.cacheHit, e.savedUsd, e.status, e.latencyMs, e.traceId, e.customerId,
  ]);
}

/**
 * Every event matching the query as CSV (money as exact 9-place decimals),
 * newest first, from the first page (the query's cursor and limit are
 * ignored). Pulled one keyset page at a time as the reader consumes it,
 * so memory holds one page whatever the export's size. The first page is
 * read before the stream is returned: a refused team filter is a 403, not a
 * broken download.
 */
export async function streamEventsCsv(input: { orgId: string; teamIds: string[] | null; query: ListEventsQuery }): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const read = (cursor: ListEventsQuery["cursor"]) => listEvents({ orgId: input.orgId, teamIds: input.teamIds, query: { ...input.query, cursor, limit: PAGE } });
  let page = await read(undefined);
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!first) {
        if (page.nextCursor === null) return controller.close();
        page = await read(EventCursor.parse(page.nextCursor));
      }
      const header = first ? csvRow(EVENTS_CSV_HEADER) : "";
      first = false;
      controller.enqueue(encoder.encode(header + page.events.map(eventCsv).join("")));
    },
  });
}
