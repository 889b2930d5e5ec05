// What only raw events can tell, read over a recent "detail window" through
// two partial covering indexes (migration insights_indexes), never a table
// scan:
// - per-trace steps and cost (usage_events_trace_window_idx);
// - repeated prompts: every hash when the window holds at most
//   PROMPT_SAMPLE_ABOVE calls, else a 1-in-16 sample of prompt hashes chosen
//   by the hash itself (usage_events_prompt_sample_idx): every call of a
//   sampled prompt is in the sample, so the repeated share is estimated
//   without bias and the repeated cost is the sample's times 16;
// - the spend of API keys (for keys without an owner).
// The window is the last days of the range holding at most
// DETAIL_MAX_EVENTS calls (whole UTC days, at least one): the whole range of
// a small organisation, the last few days of a large one, so its cost stays
// bounded however large the organisation.
import { pool, queryWithWorkMem } from "@/lib/db";
import { parseUsd } from "@/lib/money";
import { DAY_MS, type DayCell, type PromptRepeats, type TraceTotal, type Window } from "./types";

export const DETAIL_MAX_EVENTS = 150_000;
export const PROMPT_SAMPLE_ABOVE = 50_000;
/** The prompt sample keeps hashes whose hashtext() & PROMPT_SAMPLE_MASK is 0. */
const PROMPT_SAMPLE_MASK = 15;

/** The last whole UTC days of `range` holding at most DETAIL_MAX_EVENTS calls by the daily cells. */
export function detailWindow(range: Window, cells: readonly DayCell[]): Window {
  const eventsByDay = new Map<number, number>();
  for (const c of cells) eventsByDay.set(c.day, (eventsByDay.get(c.day) ?? 0) + c.events);
  const lastDay = Math.floor((range.to - 1) / DAY_MS) * DAY_MS;
  let from = lastDay;
  let events = eventsByDay.get(lastDay) ?? 0;
  for (let day = lastDay - DAY_MS; day > range.from - DAY_MS; day -= DAY_MS) {
    events += eventsByDay.get(day) ?? 0;
    if (events > DETAIL_MAX_EVENTS) break;
    from = day;
  }
  return { from: Math.max(from, range.from), to: range.to };
}

type Scope = { orgId: string; teamIds: string[] | null; window: Window };
const params = (s: Scope) => [s.orgId, new Date(s.window.from), new Date(s.window.to), s.teamIds];

/** Steps and cost of every trace of the window: one hash aggregate over the index-only scan. */
export async function loadTraceTotals(scope: Scope): Promise<TraceTotal[]> {
  const { rows } = await queryWithWorkMem<{ trace_id: string; team: string; feature: string; model: string; steps: number; cost: string; started: Date }>(
    `SELECT x.trace_id, t.slug AS team, x.feature, x.model, x.steps, x.cost, x.started
       FROM (SELECT trace_id, team_id, feature, max(model) AS model, count(*)::int AS steps, sum(cost_usd)::text AS cost, min(ts) AS started
               FROM usage_events
              WHERE org_id = $1 AND ts >= $2 AND ts < $3 AND trace_id IS NOT NULL AND ($4::text[] IS NULL OR team_id = ANY($4))
              GROUP BY trace_id, team_id, feature) x
       JOIN teams t ON t.org_id = $1 AND t.id = x.team_id`,
    params(scope),
  );
  return rows.map((r) => ({ traceId: r.trace_id, team: r.team, feature: r.feature, model: r.model, steps: r.steps, cost: parseUsd(r.cost), startedAt: r.started.getTime() }));
}

/** Repeated prompts per (team, feature); `events` is the window's call count, which decides sampling. */
export async function loadPromptRepeats(scope: Scope & { events: number }): Promise<PromptRepeats[]> {
  const sampled = scope.events > PROMPT_SAMPLE_ABOVE;
  const { rows } = await pool().query<{ team: string; feature: string; calls: string; repeated: string; repeated_cost: string }>(
    `SELECT t.slug AS team, p.feature, sum(p.n)::text AS calls, sum(p.n - 1)::text AS repeated,
            round(coalesce(sum(p.cost * (p.n - 1) / p.n), 0), 9)::text AS repeated_cost
       FROM (SELECT team_id, feature, prompt_hash, count(*) AS n, sum(cost_usd) AS cost
               FROM usage_events
              WHERE org_id = $1 AND ts >= $2 AND ts < $3 AND prompt_hash IS NOT NULL
                ${sampled ? `AND (hashtext(prompt_hash) & ${PROMPT_SAMPLE_MASK}) = 0` : ""} AND ($4::text[] IS NULL OR team_id = ANY($4))
              GROUP BY team_id, feature, prompt_hash) p
       JOIN teams t ON t.org_id = $1 AND t.id = p.team_id
      GROUP BY t.slug, p.feature`,
    params(scope),
  );
  const factor = sampled ? PROMPT_SAMPLE_MASK + 1 : 1;
  return rows.map((r) => ({
    team: r.team,
    feature: r.feature,
    hashedCalls: Number(r.calls) * factor,
    repeatedCalls: Number(r.repeated) * factor,
    repeatedCost: parseUsd(r.repeated_cost) * BigInt(factor),
  }));
}

/** Spend in the window of the given API keys, by key id. */
export async function loadKeySpend(scope: Scope & { keyIds: string[] }): Promise<Map<string, bigint>> {
  if (scope.keyIds.length === 0) return new Map();
  const { rows } = await pool().query<{ api_key_id: string; cost: string }>(
    `SELECT api_key_id, sum(cost_usd)::text AS cost FROM usage_events
      WHERE org_id = $1 AND ts >= $2 AND ts < $3 AND ($4::text[] IS NULL OR team_id = ANY($4)) AND api_key_id = ANY($5)
      GROUP BY api_key_id`,
    [...params(scope), scope.keyIds],
  );
  return new Map(rows.map((r) => [r.api_key_id, parseUsd(r.cost)]));
}
