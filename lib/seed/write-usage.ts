// Bulk writer for generated usage: COPY into usage_events and outcomes, one
// transaction per chunk, with the chunk's hourly and daily rollups upserted
// in the same transaction. Memory stays bounded by the chunk size.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { SKIP_UPKEEP_SETTING } from "@/lib/ingest/store-events-sql";
import { formatUsd } from "@/lib/money";
import { costOfUsage } from "@/lib/pricing/cost-of-usage";
import type { PriceBook } from "@/lib/pricing/price-book";
import { RollupAccumulator, type PricedEvent } from "./rollup-accumulator";
import type { GeneratedItem, OutcomeRow, UsageRow } from "./rows";
import { DAY_MS, HOUR_MS } from "./time-plan";

export type WriteProgress = { events: number; outcomes: number; total: number; elapsedMs: number };

export type WriteUsageOptions = {
  pool: pg.Pool;
  orgId: string;
  /** Team id by slug, for every team the items name. */
  teamIds: ReadonlyMap<string, string>;
  items: Iterable<GeneratedItem>;
  /** Expected number of events, for progress reports. */
  total: number;
  prices: Pick<PriceBook, "resolve">;
  /** Events per transaction. */
  chunkSize?: number;
  onProgress?: (progress: WriteProgress) => void;
};

export type WriteUsageResult = { events: number; outcomes: number; costNanos: bigint; savedNanos: bigint; unpriced: number };

const EVENT_COLUMNS =
  "org_id, event_id, ts, team_id, feature, provider, model, priced_model, input_tokens, output_tokens, " +
  "cached_input_tokens, cache_write_tokens, reasoning_tokens, cost_usd, cost_source, unpriced, latency_ms, " +
  "status, cache_hit, saved_usd, trace_id, prompt_hash, customer_id, user_id, ingest_xid";
const OUTCOME_COLUMNS = "org_id, outcome_id, ts, team_id, feature, trace_id, kind, value_usd, count";
const LINES_PER_PIECE = 2_000;
const NULL = "\\N";

export async function writeUsage(options: WriteUsageOptions): Promise<WriteUsageResult> {
  const { pool, orgId, chunkSize = 50_000, onProgress } = options;
  const started = Date.now();
  const result: WriteUsageResult = { events: 0, outcomes: 0, costNanos: 0n, savedNanos: 0n, unpriced: 0 };
  const iterator = options.items[Symbol.iterator]();
  let next = iterator.next();
  const teamId = (slug: string) => {
    const id = options.teamIds.get(slug);
    if (!id) throw new Error(`no team with slug "${slug}"`);
    return id;
  };

  while (!next.done) {
    const hourly = new RollupAccumulator("usage_rollups_hourly", HOUR_MS);
    const daily = new RollupAccumulator("usage_rollups_daily", DAY_MS);
    // hourly totals, summed into the organisation's local days by the upsert
    const customers = new RollupAccumulator("usage_rollups_customer_daily", HOUR_MS);
    const outcomeLines: string[] = [];

    // Pulls items until the chunk holds `chunkSize` events; events become COPY
    // text and rollup totals, outcomes wait for their own COPY.
    function* eventPieces(): Generator<string> {
      let lines: string[] = [];
      let inChunk = 0;
      while (!next.done && inChunk < chunkSize) {
        const item = next.value;
        if (item.type === "outcome") outcomeLines.push(outcomeLine(orgId, teamId(item.row.team), item.row));
        else {
          const priced = priceEvent(item.row, teamId(item.row.team), options.prices, result);
          hourly.add(priced.event);
          daily.add(priced.event);
          customers.add(priced.event);
          lines.push(eventLine(orgId, item.row, priced));
          inChunk++;
        }
        next = iterator.next();
        if (lines.length === LINES_PER_PIECE) {
          yield lines.join("");
          lines = [];
        }
      }
      if (lines.length) yield lines.join("");
      result.events += inChunk;
    }

    const client = await pool.connect();
    let failure: Error | undefined;
    try {
      await client.query("BEGIN");
      // this writer keeps the rollups itself, chunk by chunk: the upkeep trigger and the fold stay out
      await client.query(`SET LOCAL ${SKIP_UPKEEP_SETTING} = 'on'`);
      await pipeline(Readable.from(eventPieces()), client.query(copyFrom(`COPY usage_events (${EVENT_COLUMNS}) FROM STDIN`)));
      if (outcomeLines.length) {
        await pipeline(Readable.from([outcomeLines.join("")]), client.query(copyFrom(`COPY outcomes (${OUTCOME_COLUMNS}) FROM STDIN`)));
      }
      await hourly.flush(client, orgId);
      await daily.flush(client, orgId);
      await customers.flush(client, orgId);
      await client.query("COMMIT");
      result.outcomes += outcomeLines.length;
    } catch (err) {
      failure = err as Error;
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      // a connection that failed mid-COPY is discarded, not returned to the pool
      client.release(failure);
    }
    onProgress?.({ events: result.events, outcomes: result.outcomes, total: options.total, elapsedMs: Date.now() - started });
  }
  return result;
}

type Priced = { event: PricedEvent; pricedModel: string | null; costSource: string };

/**
 * Prices one call at its timestamp: catalog (or override) cost; an app cache
 * hit costs nothing and saves its list price; an unresolved model is stored
 * as unpriced with cost 0, never dropped.
 */
function priceEvent(row: UsageRow, teamId: string, prices: WriteUsageOptions["prices"], result: WriteUsageResult): Priced {
  const price = prices.resolve({ provider: row.provider, model: row.model, at: row.ts });
  const list = price ? costOfUsage(row.usage, price) : 0n;
  const costNanos = price && !row.cacheHit ? list : 0n;
  const savedNanos = price && row.cacheHit ? list : 0n;
  const costSource = !price ? "unpriced" : row.cacheHit ? "cache_hit" : price.source;
  result.costNanos += costNanos;
  result.savedNanos += savedNanos;
  if (!price) result.unpriced++;
  const event: PricedEvent = {
    tsMs: row.ts.getTime(), teamId, feature: row.feature, provider: row.provider, model: row.model, customerId: row.customerId ?? null, usage: row.usage,
    status: row.status, cacheHit: row.cacheHit, unpriced: !price, costNanos, savedNanos, latencyMs: row.latencyMs,
  };
  return { event, pricedModel: price?.model ?? null, costSource };
}

// COPY text format. Every value comes from the generator or from ids made by
// the database (slugs, cuids, hex hashes, decimals): none holds a tab, a
// newline or a backslash, so no escaping is needed.
function eventLine(orgId: string, row: UsageRow, { event, pricedModel, costSource }: Priced): string {
  const u = row.usage;
  return [
    orgId, row.id, row.ts.toISOString(), event.teamId, row.feature, row.provider, row.model, pricedModel ?? NULL,
    u.inputTokens, u.outputTokens, u.cachedInputTokens, u.cacheWriteTokens, u.reasoningTokens,
    formatUsd(event.costNanos), costSource, event.unpriced ? "t" : "f", row.latencyMs, row.status,
    row.cacheHit ? "t" : "f", formatUsd(event.savedNanos), row.traceId ?? NULL, row.promptHash ?? NULL,
    row.customerId ?? NULL, row.userId ?? NULL,
    // no ingest transaction: this writer keeps these events' rollups itself, no fold may count them again
    NULL,
  ].join("\t") + "\n";
}

function outcomeLine(orgId: string, teamId: string, row: OutcomeRow): string {
  return [orgId, row.id, row.ts.toISOString(), teamId, row.feature, row.traceId ?? NULL, row.kind, row.valueUsd, row.count].join("\t") + "\n";
}
