// Default values of an organisation's outcome kinds, for ingest: an outcome
// sent with a kind and a count but no valueUsd is stored with
// value = default × count (resolve-outcome-value.ts). Cached briefly per
// process like the ingest context; a change in this process forgets the
// cache at once, other processes pick it up within TTL_MS.
import { pool } from "@/lib/db";
import { parseUsd } from "@/lib/money";

const TTL_MS = 15_000;
const cache = new Map<string, { at: number; defaults: Promise<ReadonlyMap<string, bigint>> }>();

async function load(orgId: string): Promise<ReadonlyMap<string, bigint>> {
  const { rows } = await pool().query<{ kind: string; value: string }>(
    "SELECT kind, default_value_usd::text AS value FROM outcome_kinds WHERE org_id = $1 AND default_value_usd IS NOT NULL",
    [orgId],
  );
  return new Map(rows.map((r) => [r.kind, parseUsd(r.value)]));
}

/** Nano-dollars per unit, by kind; kinds without a default are absent. */
export function getOutcomeKindDefaults(orgId: string): Promise<ReadonlyMap<string, bigint>> {
  const hit = cache.get(orgId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.defaults;
  const defaults = load(orgId);
  cache.set(orgId, { at: Date.now(), defaults });
  defaults.catch(() => cache.delete(orgId));
  return defaults;
}

export function invalidateOutcomeKindDefaults(orgId: string): void {
  cache.delete(orgId);
}
