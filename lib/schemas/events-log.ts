// Wire shapes of GET /api/v1/events-log (the event log of Explore) and its
// CSV export. zod only.
import { z } from "zod";
import { Slug } from "./common";
import { defaultRange, optionalParam, RangeParams } from "./query-range";

// Objects
const Dollars = z.string().regex(/^-?\d+\.\d{9}$/, "must be a decimal string with 9 places");
const Count = z.number().int().min(0);

export const EventLogEntry = z
  .object({
    id: z.string(),
    timestamp: z.iso.datetime(),
    team: z.string(),
    feature: z.string(),
    provider: z.string(),
    model: z.string(),
    /** Catalog model the event was priced with; null when no price was found. */
    pricedModel: z.string().nullable(),
    tokens: z.object({ input: Count, output: Count, cachedInput: Count, cacheWrite: Count, reasoning: Count }).strict(),
    costUsd: Dollars,
    /** catalog | override | client | cache_hit | unpriced */
    costSource: z.string(),
    /** No price was known: the cost is unknown, not zero. */
    unpriced: z.boolean(),
    cacheHit: z.boolean(),
    savedUsd: Dollars,
    status: z.string(),
    latencyMs: z.number().int().nullable(),
    traceId: z.string().nullable(),
    customerId: z.string().nullable(),
  })
  .strict();
export type EventLogEntry = z.infer<typeof EventLogEntry>;

// Transforms
/** Position after an event in (ts desc, id desc) order: "<epoch ms>:<event id>". */
export const EventCursor = z.string().transform((raw, ctx) => {
  const colon = raw.indexOf(":");
  const ms = Number(raw.slice(0, colon));
  if (colon < 1 || !Number.isSafeInteger(ms)) {
    ctx.addIssue({ code: "custom", message: "is not a cursor this endpoint returned" });
    return z.NEVER;
  }
  return { ts: new Date(ms), id: raw.slice(colon + 1) };
});

export function encodeEventCursor(ts: Date, id: string): string {
  return `${ts.getTime()}:${id}`;
}

export const EVENTS_LOG_MAX_LIMIT = 200;

// Endpoints
export const ListEventsQuery = z
  .object({
    ...RangeParams,
    team: optionalParam(Slug),
    model: optionalParam(z.string().trim().min(1).max(200)),
    feature: optionalParam(Slug),
    provider: optionalParam(z.string().trim().toLowerCase().min(1).max(64)),
    customer: optionalParam(z.string().min(1).max(256)),
    traceId: optionalParam(z.string().min(1).max(256)),
    cursor: optionalParam(EventCursor),
    limit: optionalParam(z.coerce.number().int().min(1).max(EVENTS_LOG_MAX_LIMIT)).transform((v) => v ?? 50),
  })
  .strict()
  .transform(defaultRange(30))
  .refine((q) => q.from < q.to, { path: ["from"], message: "must be before to" });
export type ListEventsQuery = z.output<typeof ListEventsQuery>;

export const ListEventsResponse = z
  .object({
    events: z.array(EventLogEntry),
    /** Pass as `cursor` for the next (older) page; null on the last page. */
    nextCursor: z.string().nullable(),
  })
  .strict();
export type ListEventsResponse = z.infer<typeof ListEventsResponse>;
