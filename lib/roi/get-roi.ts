import { loadSpendContext } from "@/lib/analytics/load-spend-context";
import { planGrains } from "@/lib/analytics/plan-grains";
import { scopeToTeam } from "@/lib/analytics/team-scope";
import { pool } from "@/lib/db";
import { parseUsd } from "@/lib/money";
import type { GetRoiQuery, GetRoiResponse } from "@/lib/schemas/roi";
import { type CallCell, MICRO } from "./attribution";
import { computeRoi, type RoiInputs } from "./compute-roi";
import { type Bucketing, type CallRow, callCellsSql, type OutcomeRow, plainOutcomesSql, type RoiScope, type Statement, type TracedOutcomeRow, tracedOutcomesSql } from "./roi-sql";

async function rows<T extends object>(statement: Statement | null): Promise<T[]> {
  if (!statement) return [];
  return (await pool().query<T>(statement.text, statement.values)).rows;
}

const outcomeOf = (r: OutcomeRow) => ({ bucket: Number(r.b), teamId: r.team_id, feature: r.feature, kind: r.kind, valueNanos: parseUsd(r.value), countMicros: BigInt(r.n) * MICRO });

/**
 * ROI over [from, to) per team, feature or model (API.md, "ROI"), exact to
 * the nano-dollar; attribution rules in ./attribution.ts. Costs come from the
 * coarsest grain that fits (hourly and daily rollups, raw events only for the
 * ragged ends); traced outcomes read their traces' calls through the
 * (org_id, trace_id) index. `teamIds` is the caller's team scope (null =
 * every team) with the rules of spend: a team filter outside it is 403, an
 * unknown team 404 for callers who see every team.
 */
export async function getRoi(input: { orgId: string; teamIds: string[] | null; query: GetRoiQuery }): Promise<GetRoiResponse> {
  const { orgId, teamIds, query } = input;
  const interval = query.interval ?? null;
  const context = await loadSpendContext({ orgId, teamSlug: query.team ?? null, from: query.from, to: query.to, interval: interval ?? "month" });

  const scopeTeams = scopeToTeam({ teamIds, team: query.team, teamId: context.teamId, what: "ROI" });

  const bucketing: Bucketing = interval ? { interval, timeZone: context.timeZone } : null;
  const scope: RoiScope = { teamIds: scopeTeams, feature: query.feature };
  const plan = planGrains({ from: query.from, to: query.to, bucketStarts: interval ? context.bucketStarts : [query.from], rawOnly: false });
  const range = { orgId, from: query.from, to: query.to, bucketing, scope };

  const [calls, plain, traced, teams] = await Promise.all([
    rows<CallRow>(callCellsSql({ orgId, plan, bucketing, scope })),
    rows<OutcomeRow>(plainOutcomesSql(range)),
    rows<TracedOutcomeRow>(tracedOutcomesSql(range)),
    rows<{ id: string; slug: string }>({ text: "SELECT id, slug FROM teams WHERE org_id = $1", values: [orgId] }),
  ]);
  const traceCalls = new Map<string, CallCell[]>();
  for (const r of traced) {
    if (!r.cells || traceCalls.has(r.trace_id)) continue;
    traceCalls.set(
      r.trace_id,
      r.cells.map(([teamId, feature, model, cost, calls]) => ({ teamId, feature, model, costNanos: parseUsd(cost), calls: BigInt(calls) })),
    );
  }
  const inputs: RoiInputs = {
    calls: calls.map((r) => ({
      bucket: Number(r.b),
      teamId: r.team_id,
      feature: r.feature,
      model: r.model,
      costNanos: parseUsd(r.cost),
      calls: BigInt(r.calls),
      inputTokens: BigInt(r.input),
      outputTokens: BigInt(r.output),
      unpricedCalls: BigInt(r.unpriced),
      eventValueNanos: parseUsd(r.value),
    })),
    plain: plain.map(outcomeOf),
    traced: traced.map((r) => ({ ...outcomeOf(r), traceId: r.trace_id, teamCallsOnly: r.team_calls_only })),
    traceCalls,
  };

  const teamSet = scopeTeams ? new Set(scopeTeams) : null;
  return computeRoi(inputs, {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    breakdown: query.breakdown === "model",
    series: interval ? { interval, starts: context.bucketStarts.map((d) => d.getTime()) } : null,
    timeZone: context.timeZone,
    keep: (cell) =>
      (!teamSet || teamSet.has(cell.teamId)) &&
      (query.feature === undefined || cell.feature === query.feature) &&
      (query.model === undefined || cell.model === query.model),
    teamSlugById: new Map(teams.map((t) => [t.id, t.slug])),
  });
}
