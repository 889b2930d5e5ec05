// What ingest, policy checks and insights need to know of an organisation,
// cached briefly per process: its settings, its teams by slug, and its price
// book (catalog + overrides). Settings changes notify every process.
import { pool } from "@/lib/db";
import { subscribe } from "@/lib/db-listener";
import { PriceBook } from "@/lib/pricing/price-book";
import { loadOverrides } from "@/lib/pricing/sync-catalog";
import { memoResolver, type PriceResolver } from "@/lib/ingest/price-event";

export type OrgContext = {
  orgId: string;
  timeZone: string;
  autoCreateTeams: boolean;
  teamIdBySlug: Map<string, string>;
  teamSlugById: Map<string, string>;
  priceBook: PriceBook;
  /** The price book's lookups, memoised for the life of this context. */
  resolvePrice: PriceResolver;
};

const TTL_MS = 15_000;
type Entry = { at: number; context: Promise<OrgContext>; loaded?: OrgContext };
const cache = new Map<string, Entry>();

/** Notified (payload: the organisation id) when an organisation's settings change. */
export const ORG_CHANNEL = "finops_orgs";
subscribe(ORG_CHANNEL, (orgId) => cache.delete(orgId), () => cache.clear());

async function load(orgId: string): Promise<OrgContext> {
  const [org, teams, overrides] = await Promise.all([
    pool().query<{ time_zone: string; auto_create_teams: boolean }>("SELECT time_zone, auto_create_teams FROM organizations WHERE id = $1", [orgId]),
    pool().query<{ id: string; slug: string }>("SELECT id, slug FROM teams WHERE org_id = $1", [orgId]),
    loadOverrides(pool(), orgId),
  ]);
  if (!org.rows[0]) throw new Error(`organisation ${orgId} not found`);
  const priceBook = PriceBook.fromCatalogFile(overrides);
  return {
    orgId,
    timeZone: org.rows[0].time_zone,
    autoCreateTeams: org.rows[0].auto_create_teams,
    teamIdBySlug: new Map(teams.rows.map((t) => [t.slug, t.id])),
    teamSlugById: new Map(teams.rows.map((t) => [t.id, t.slug])),
    priceBook,
    resolvePrice: memoResolver(priceBook),
  };
}

export function getOrgContext(orgId: string): Promise<OrgContext> {
  const hit = cache.get(orgId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.context;
  const context = load(orgId);
  const entry: Entry = { at: Date.now(), context };
  cache.set(orgId, entry);
  context.then(
    (loaded) => (entry.loaded = loaded),
    () => cache.delete(orgId),
  );
  return context;
}

/** The cached context when it is loaded and fresh (no I/O), else undefined: then call getOrgContext. */
export function peekOrgContext(orgId: string): OrgContext | undefined {
  const hit = cache.get(orgId);
  return hit && Date.now() - hit.at < TTL_MS ? hit.loaded : undefined;
}

/** Forget an organisation's cached context (after its teams, settings or prices change). */
export function invalidateOrgContext(orgId: string): void {
  cache.delete(orgId);
}

/** Slugs the cached context does not know, looked up again in the database. */
export async function findTeams(orgId: string, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const { rows } = await pool().query<{ id: string; slug: string }>("SELECT id, slug FROM teams WHERE org_id = $1 AND slug = ANY($2)", [orgId, slugs]);
  return new Map(rows.map((t) => [t.slug, t.id]));
}

export async function findTeamSlug(orgId: string, teamId: string): Promise<string | null> {
  const { rows } = await pool().query<{ slug: string }>("SELECT slug FROM teams WHERE org_id = $1 AND id = $2", [orgId, teamId]);
  return rows[0]?.slug ?? null;
}
