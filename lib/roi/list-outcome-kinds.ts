import { pool } from "@/lib/db";
import type { ListOutcomeKindsResponse } from "@/lib/schemas/roi";
import { type OutcomeKindRow, toOutcomeKindDto } from "./outcome-kind-row";

/** How far back kinds that services send but finance has not named are looked for ((org_id, ts) index). */
const UNCONFIGURED_DAYS = 90;

/** The named kinds, and the kinds received in the last 90 days that have no name yet (most outcomes first). */
export async function listOutcomeKinds({ orgId }: { orgId: string }): Promise<ListOutcomeKindsResponse> {
  const [kinds, unconfigured] = await Promise.all([
    pool().query<OutcomeKindRow>(
      `SELECT kind, name, description, default_value_usd::text AS default_value_usd, created_at, updated_at
         FROM outcome_kinds WHERE org_id = $1 ORDER BY name, kind`,
      [orgId],
    ),
    pool().query<{ kind: string; outcomes: string; last_seen_at: Date }>(
      `SELECT o.kind, sum(o.count)::text AS outcomes, max(o.ts) AS last_seen_at
         FROM outcomes o
        WHERE o.org_id = $1 AND o.ts >= now() - make_interval(days => $2)
          AND NOT EXISTS (SELECT 1 FROM outcome_kinds k WHERE k.org_id = o.org_id AND k.kind = o.kind)
        GROUP BY o.kind ORDER BY sum(o.count) DESC, o.kind`,
      [orgId, UNCONFIGURED_DAYS],
    ),
  ]);
  return {
    kinds: kinds.rows.map(toOutcomeKindDto),
    unconfigured: unconfigured.rows.map((r) => ({ kind: r.kind, outcomes: Number(r.outcomes), lastSeenAt: new Date(r.last_seen_at).toISOString() })),
  };
}
