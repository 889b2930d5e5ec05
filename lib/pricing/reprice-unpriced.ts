import type pg from "pg";
import { pool } from "@/lib/db";
import { priceEvent, type PriceResolver } from "@/lib/ingest/price-event";
import { withTransaction } from "@/lib/ingest/with-transaction";
import { formatUsd, parseUsd } from "@/lib/money";
import { invalidateBudgetState } from "@/lib/policy/budget-state";
import { APPLY_CHUNK_SQL, LOCK_CHUNK_SQL, ORGS_WITH_UNPRICED_SQL, REPLACE_SETTLED_ESTIMATES_SQL, UNPRICED_PAIRS_SQL } from "./reprice-sql";
import { getOrgContext, invalidateOrgContext } from "@/lib/org/org-context";
import { COMPACTION_LOCK } from "@/lib/rollups/compact-rollups";

export type RepriceResult = {
  /** Events priced by this call. */
  repriced: number;
  /** False when the call stopped at `maxEvents` with events it could price left; calling again goes on. */
  complete: boolean;
};

type LockedEvent = {
  event_id: string;
  reservation_id: string | null;
  ts: Date;
  provider: string;
  model: string;
  input_tokens: number;
  output_tokens: number;
  cached_input_tokens: number;
  cache_write_tokens: number;
  reasoning_tokens: number;
  cost_usd: string;
};

type Cursor = [provider: string, model: string, ts: Date | string, eventId: string];

const START: Cursor = ["", "", "-infinity", ""];

/**
 * Prices the organisation's unpriced events that its price book (the catalog
 * in the database plus the organisation's overrides) now prices at their
 * timestamps, as ingest would have priced them (priceEvent, exact
 * costOfUsage), and moves each cost into the hourly and daily rollups and the
 * budget ledgers. One transaction per chunk of `chunkSize` events. Only rows
 * still unpriced are locked (FOR UPDATE SKIP LOCKED) and updated, so calling
 * it again, or twice at once, prices every event exactly once.
 * `maxEvents` bounds the unpriced events examined by one call.
 */
export async function repriceUnpriced({ orgId, maxEvents = Infinity, chunkSize = 5_000 }: {
  orgId: string;
  maxEvents?: number;
  chunkSize?: number;
}): Promise<RepriceResult> {
  // the same prices ingest uses, read afresh (an override was just added)
  invalidateOrgContext(orgId);
  const resolve = (await getOrgContext(orgId)).resolvePrice;
  const { rows: pairs } = await pool().query<{ provider: string; model: string; last_ts: Date }>(UNPRICED_PAIRS_SQL, [orgId]);
  // A price never stops being in force (a later row replaces it), so a pair
  // that has no price at its latest event has none at any of its events.
  const candidates = pairs.filter((p) => resolve(p.provider, p.model, p.last_ts));
  let cursor = START;
  let repriced = 0;
  let examined = 0;
  const chunkParams = (limit: number) => [orgId, candidates.map((p) => p.provider), candidates.map((p) => p.model), ...cursor, limit];
  while (candidates.length > 0) {
    const limit = Math.min(chunkSize, maxEvents - examined);
    if (limit <= 0) {
      const { rows: next } = await pool().query(LOCK_CHUNK_SQL, chunkParams(1));
      return { repriced, complete: next.length === 0 };
    }
    const chunk = await withTransaction(pool(), async (client) => {
      // no fold while the chunk decides which of its events are folded already (reprice-sql.ts), each
      // statement seeing the last fold (a transaction-wide snapshot would be taken before the lock is held)
      await client.query("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
      await client.query("SELECT pg_advisory_xact_lock($1::int8)", [COMPACTION_LOCK]);
      const { rows } = await client.query<LockedEvent>(LOCK_CHUNK_SQL, chunkParams(limit));
      const priced = await applyPrices(client, orgId, rows, resolve);
      return { rows, priced };
    });
    repriced += chunk.priced;
    // ledgers changed: this process stops using its copy at once
    if (chunk.priced > 0) invalidateBudgetState(orgId);
    examined += chunk.rows.length;
    if (chunk.rows.length < limit) break;
    const last = chunk.rows[chunk.rows.length - 1];
    cursor = [last.provider, last.model, last.ts, last.event_id];
  }
  return { repriced, complete: true };
}

async function applyPrices(client: pg.PoolClient, orgId: string, rows: LockedEvent[], resolve: PriceResolver): Promise<number> {
  const priced = rows.flatMap((row) => {
    const usage = {
      inputTokens: row.input_tokens,
      outputTokens: row.output_tokens,
      cachedInputTokens: row.cached_input_tokens,
      cacheWriteTokens: row.cache_write_tokens,
      reasoningTokens: row.reasoning_tokens,
    };
    const cost = priceEvent({ provider: row.provider, model: row.model, at: row.ts, usage, cacheHit: false }, resolve);
    if (cost.unpriced) return [];
    return [{ id: row.event_id, reservationId: row.reservation_id, delta: formatUsd(parseUsd(cost.costUsd) - parseUsd(row.cost_usd)), ...cost }];
  });
  if (priced.length === 0) return 0;
  const settling = priced.filter((p) => p.reservationId);
  if (settling.length > 0) {
    await client.query(REPLACE_SETTLED_ESTIMATES_SQL, [orgId, settling.map((p) => p.reservationId), settling.map((p) => p.costUsd)]);
  }
  const { rows: result } = await client.query<{ repriced: number }>(APPLY_CHUNK_SQL, [
    orgId,
    priced.map((p) => p.id),
    priced.map((p) => p.costUsd),
    priced.map((p) => p.delta),
    priced.map((p) => p.costSource),
    priced.map((p) => p.pricedModel),
  ]);
  return result[0].repriced;
}

/**
 * After the catalog changed (a refreshed catalog file, synced at start):
 * prices, in every organisation, the unpriced events it now prices. Returns
 * the events priced per organisation that had any.
 */
export async function repriceAllUnpriced(): Promise<Map<string, number>> {
  const { rows } = await pool().query<{ org_id: string }>(ORGS_WITH_UNPRICED_SQL);
  const priced = new Map<string, number>();
  for (const { org_id: orgId } of rows) {
    const { repriced } = await repriceUnpriced({ orgId });
    if (repriced > 0) priced.set(orgId, repriced);
  }
  return priced;
}
