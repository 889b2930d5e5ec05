// Daily rollup rows of [from, to) as DayCells, with the team's slug; a few
// thousand rows even for ten million events (DESIGN.md 6).
import { pool } from "@/lib/db";
import { parseUsd } from "@/lib/money";
import type { DayCell } from "./types";
import { DAILY_ROLLUP } from "@/lib/rollups/rollup-sources";

type Row = {
  day: Date; team: string; feature: string; provider: string; model: string;
  events: string; cache_hits: string; input: string; output: string; cached: string; cache_write: string; reasoning: string;
  cost: string; saved: string;
};

export async function loadDayCells(input: { orgId: string; teamIds: string[] | null; from: Date; to: Date }): Promise<DayCell[]> {
  const { rows } = await pool().query<Row>(
    `SELECT d.bucket AS day, t.slug AS team, d.feature, d.provider, d.model,
            sum(d.events)::text AS events, sum(d.cache_hits)::text AS cache_hits, sum(d.input_tokens)::text AS input,
            sum(d.output_tokens)::text AS output, sum(d.cached_input_tokens)::text AS cached,
            sum(d.cache_write_tokens)::text AS cache_write, sum(d.reasoning_tokens)::text AS reasoning,
            sum(d.cost_usd)::text AS cost, sum(d.saved_usd)::text AS saved
       FROM ${DAILY_ROLLUP} d JOIN teams t ON t.org_id = d.org_id AND t.id = d.team_id
      WHERE d.org_id = $1 AND d.bucket >= $2 AND d.bucket < $3 AND ($4::text[] IS NULL OR d.team_id = ANY($4))
      GROUP BY 1, 2, 3, 4, 5`,
    [input.orgId, input.from, input.to, input.teamIds],
  );
  return rows.map((r) => ({
    day: r.day.getTime(),
    team: r.team,
    feature: r.feature,
    provider: r.provider,
    model: r.model,
    events: Number(r.events),
    cacheHits: Number(r.cache_hits),
    inputTokens: Number(r.input),
    outputTokens: Number(r.output),
    cachedInputTokens: Number(r.cached),
    cacheWriteTokens: Number(r.cache_write),
    reasoningTokens: Number(r.reasoning),
    cost: parseUsd(r.cost),
    saved: parseUsd(r.saved),
  }));
}
