import { pool } from "@/lib/db";
import { encodeEventCursor, type EventLogEntry, type ListEventsQuery, type ListEventsResponse } from "@/lib/schemas/events-log";
import { scopeToNamedTeam } from "./team-scope";

type EventRow = {
  event_id: string;
  ts: Date;
  team: string;
  feature: string;
  provider: string;
  model: string;
  priced_model: string | null;
  input_tokens: number;
  output_tokens: number;
  cached_input_tokens: number;
  cache_write_tokens: number;
  reasoning_tokens: number;
  cost_usd: string;
  cost_source: string;
  unpriced: boolean;
  cache_hit: boolean;
  saved_usd: string;
  status: string;
  latency_ms: number | null;
  trace_id: string | null;
  customer_id: string | null;
};

/** Money as numeric text: Decimal(20,9) keeps its 9 places, exact. */
function toEventLogEntry(r: EventRow): EventLogEntry {
  return {
    id: r.event_id,
    timestamp: r.ts.toISOString(),
    team: r.team,
    feature: r.feature,
    provider: r.provider,
    model: r.model,
    pricedModel: r.priced_model,
    tokens: { input: r.input_tokens, output: r.output_tokens, cachedInput: r.cached_input_tokens, cacheWrite: r.cache_write_tokens, reasoning: r.reasoning_tokens },
    costUsd: r.cost_usd,
    costSource: r.cost_source,
    unpriced: r.unpriced,
    cacheHit: r.cache_hit,
    savedUsd: r.saved_usd,
    status: r.status,
    latencyMs: r.latency_ms,
    traceId: r.trace_id,
    customerId: r.customer_id,
  };
}

/**
 * One page of usage events, newest first, keyset-paginated on (ts desc,
 * event_id desc): stable while events arrive (a new event never shifts a
 * later page) and as fast on page 1,000 as on page 1 (index (org_id, ts)).
 * `teamIds` is the caller's team scope (null = every team).
 */
export async function listEvents(input: { orgId: string; teamIds: string[] | null; query: ListEventsQuery }): Promise<ListEventsResponse> {
  const { orgId, query } = input;
  const scope = await scopeToNamedTeam({ orgId, teamIds: input.teamIds, team: query.team, what: "events" });
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const conditions = [
    `x.org_id = ${param(orgId)}`,
    `x.ts >= ${param(query.from)}`,
    `x.ts < ${param(query.to)}`,
    scope && `x.team_id = ANY(${param(scope)}::text[])`,
    query.model !== undefined && `x.model = ${param(query.model)}`,
    query.feature !== undefined && `x.feature = ${param(query.feature)}`,
    query.provider !== undefined && `x.provider = ${param(query.provider)}`,
    query.customer !== undefined && `x.customer_id = ${param(query.customer)}`,
    query.traceId !== undefined && `x.trace_id = ${param(query.traceId)}`,
    query.cursor && `(x.ts, x.event_id) < (${param(query.cursor.ts)}, ${param(query.cursor.id)})`,
  ].filter((c): c is string => Boolean(c));
  const { rows } = await pool().query<EventRow>(
    `SELECT x.event_id, x.ts, tm.slug AS team, x.feature, x.provider, x.model, x.priced_model,
            x.input_tokens, x.output_tokens, x.cached_input_tokens, x.cache_write_tokens, x.reasoning_tokens,
            x.cost_usd::text AS cost_usd, x.cost_source, x.unpriced, x.cache_hit, x.saved_usd::text AS saved_usd,
            x.status, x.latency_ms, x.trace_id, x.customer_id
       FROM usage_events x JOIN teams tm ON tm.org_id = x.org_id AND tm.id = x.team_id
      WHERE ${conditions.join(" AND ")}
      ORDER BY x.ts DESC, x.event_id DESC
      LIMIT ${param(query.limit + 1)}`,
    values,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { events: page.map(toEventLogEntry), nextCursor: rows.length > query.limit && last ? encodeEventCursor(last.ts, last.event_id) : null };
}
