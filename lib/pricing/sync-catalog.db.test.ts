import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { formatUsd, parseUsd } from "@/lib/money";
import committed from "./catalog.json";
import { PriceBook, type Catalog } from "./price-book";
import { loadOverrides, syncCatalog } from "./sync-catalog";

const catalog = committed as Catalog;

async function fingerprint() {
  const { rows } = await pool().query<{ prices: string; aliases: string }>(`
    SELECT (SELECT md5(string_agg(id || provider || model || effective_from::text || input_per_mtok::text
              || output_per_mtok::text || coalesce(cached_input_per_mtok::text, '-') || coalesce(cache_write_per_mtok::text, '-')
              || coalesce(reasoning_per_mtok::text, '-'), ',' ORDER BY id)) FROM catalog_prices) AS prices,
           (SELECT md5(string_agg(provider || alias || model, ',' ORDER BY provider, alias)) FROM model_aliases) AS aliases`);
  return rows[0];
}

describe("syncCatalog", () => {
  beforeAll(async () => {
    expect(process.env.DATABASE_URL).toBeTruthy();
    expect(await syncCatalog(pool())).toEqual({ prices: catalog.prices.length, aliases: catalog.aliases.length });
  });

  it("loads every catalog row", async () => {
    const { rows } = await pool().query<{ prices: number; aliases: number }>(`
      SELECT (SELECT count(*)::int FROM catalog_prices WHERE source = 'catalog') AS prices,
             (SELECT count(*)::int FROM model_aliases) AS aliases`);
    expect(rows[0]).toEqual({ prices: catalog.prices.length, aliases: catalog.aliases.length });
  });

  it("is idempotent: a second run changes nothing, ids included", async () => {
    const before = await fingerprint();
    await syncCatalog(pool());
    expect(await fingerprint()).toEqual(before);
  });

  it("restores a changed price and alias", async () => {
    const before = await fingerprint();
    await pool().query("UPDATE catalog_prices SET input_per_mtok = 999 WHERE provider = 'openai' AND model = 'gpt-4o'");
    await pool().query("UPDATE model_aliases SET model = 'gpt-4' WHERE provider = 'openai' AND alias = 'gpt-4o-2024-08-06'");
    await syncCatalog(pool());
    expect(await fingerprint()).toEqual(before);
  });

  it("keeps decimals exact through the database", async () => {
    const { rows } = await pool().query<{ v: string }>(
      "SELECT cache_write_per_mtok::text AS v FROM catalog_prices WHERE provider = 'openrouter' AND model = 'google/gemini-2.5-flash-lite'",
    );
    const row = catalog.prices.find((p) => p.provider === "openrouter" && p.model === "google/gemini-2.5-flash-lite");
    expect(rows[0]?.v).toBe(formatUsd(parseUsd(row?.cacheWritePerMTok ?? "")));
  });
});

describe("loadOverrides", () => {
  const orgId = `org-${randomUUID()}`;

  beforeAll(async () => {
    await syncCatalog(pool());
    await pool().query("INSERT INTO organizations (id, slug, name) VALUES ($1, $1, 'Pricing test')", [orgId]);
    await pool().query(
      `INSERT INTO price_overrides (org_id, id, provider, model, effective_from, input_per_mtok, output_per_mtok)
       VALUES ($1, $2, 'openai', 'gpt-4o', '2025-01-01T00:00:00Z', 1.25, 5)`,
      [orgId, randomUUID()],
    );
  });

  afterAll(async () => {
    await pool().query("DELETE FROM organizations WHERE id = $1", [orgId]);
  });

  it("applies the organisation's overrides, and only its own", async () => {
    const query = { provider: "openai", model: "gpt-4o-2024-08-06", at: new Date("2025-06-01T00:00:00Z") };
    const book = async (id: string) => PriceBook.fromCatalogFile(await loadOverrides(pool(), id));
    const own = (await book(orgId)).resolve(query);
    expect([own?.source, own?.inputPerMTok, own?.outputPerMTok]).toEqual(["override", 1_250_000_000n, 5_000_000_000n]);
    expect((await book(`org-${randomUUID()}`)).resolve(query)?.source).toBe("catalog");
    const before = (await book(orgId)).resolve({ ...query, at: new Date("2024-12-31T00:00:00Z") });
    expect(before?.source).toBe("catalog");
  });
});
