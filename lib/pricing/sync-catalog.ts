// Loads lib/pricing/catalog.json into catalog_prices and model_aliases (for
// SQL-side use and browsing), and reads an organisation's overrides.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import catalogJson from "@/lib/pricing/catalog.json";
import type { Catalog, PriceRow } from "@/lib/pricing/price-book";

// One statement per table; rows whose values are unchanged are not rewritten.
const UPSERT_PRICES = `
INSERT INTO catalog_prices AS c (id, provider, model, effective_from, input_per_mtok, output_per_mtok,
  cached_input_per_mtok, cache_write_per_mtok, reasoning_per_mtok, source)
SELECT t.*, 'catalog'
FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::numeric[], $6::numeric[],
  $7::numeric[], $8::numeric[], $9::numeric[])
  AS t(id, provider, model, effective_from, input, output, cached, cache_write, reasoning)
ON CONFLICT (provider, model, effective_from) DO UPDATE SET
  input_per_mtok = EXCLUDED.input_per_mtok, output_per_mtok = EXCLUDED.output_per_mtok,
  cached_input_per_mtok = EXCLUDED.cached_input_per_mtok, cache_write_per_mtok = EXCLUDED.cache_write_per_mtok,
  reasoning_per_mtok = EXCLUDED.reasoning_per_mtok, source = EXCLUDED.source
WHERE (c.input_per_mtok, c.output_per_mtok, c.cached_input_per_mtok, c.cache_write_per_mtok, c.reasoning_per_mtok, c.source)
  IS DISTINCT FROM (EXCLUDED.input_per_mtok, EXCLUDED.output_per_mtok, EXCLUDED.cached_input_per_mtok,
  EXCLUDED.cache_write_per_mtok, EXCLUDED.reasoning_per_mtok, EXCLUDED.source)`;

const UPSERT_ALIASES = `
INSERT INTO model_aliases AS a (provider, alias, model)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
ON CONFLICT (provider, alias) DO UPDATE SET model = EXCLUDED.model
WHERE a.model IS DISTINCT FROM EXCLUDED.model`;

const PRICE_COLUMNS = `provider, model, effective_from AS "effectiveFrom",
  input_per_mtok::text AS "inputPerMTok", output_per_mtok::text AS "outputPerMTok",
  cached_input_per_mtok::text AS "cachedInputPerMTok", cache_write_per_mtok::text AS "cacheWritePerMTok",
  reasoning_per_mtok::text AS "reasoningPerMTok"`;

/**
 * Upserts the committed catalog in one transaction; running it again changes
 * nothing. Rows no longer in the catalog are kept (they still price past
 * events). Returns the number of catalog rows synced.
 */
export async function syncCatalog(pool: pg.Pool): Promise<{ prices: number; aliases: number }> {
  const { prices, aliases } = catalogJson as Catalog;
  const column = <T>(rows: readonly T[], key: keyof T) => rows.map((row) => row[key]);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(UPSERT_PRICES, [
      prices.map(() => randomUUID()),
      ...(["provider", "model", "effectiveFrom", "inputPerMTok", "outputPerMTok", "cachedInputPerMTok",
        "cacheWritePerMTok", "reasoningPerMTok"] as const).map((key) => column(prices, key)),
    ]);
    await client.query(UPSERT_ALIASES, (["provider", "alias", "model"] as const).map((key) => column(aliases, key)));
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  return { prices: prices.length, aliases: aliases.length };
}

/** An organisation's price overrides, as rows for PriceBook (the catalog itself comes from catalog.json). */
export async function loadOverrides(pool: Pick<pg.Pool, "query">, orgId: string): Promise<PriceRow[]> {
  const { rows } = await pool.query<PriceRow>(`SELECT ${PRICE_COLUMNS} FROM price_overrides WHERE org_id = $1`, [orgId]);
  return rows;
}
