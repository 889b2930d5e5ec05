// Seeds an organisation with the demo structure and generated usage:
// organisation, teams and (for `demo`) sign-ins through Prisma, then the
// events, outcomes and rollups in bulk through raw pg.
import { formatUsd } from "@/lib/money";
import { pool, prisma } from "@/lib/db";
import { PriceBook } from "@/lib/pricing/price-book";
import { DEMO_FEATURES, DEMO_ORG, DEMO_TEAMS } from "./demo-catalog";
import { seedDemoUsers } from "./demo-users";
import { generateUsage } from "./generate-usage";
import { writeUsage, type WriteProgress } from "./write-usage";

export type SeedOrgOptions = {
  slug: string;
  events: number;
  days: number;
  /** Exclusive end of the generated period; default now. */
  end?: Date;
  seed?: number;
  onProgress?: (progress: WriteProgress) => void;
  /** Do nothing when the organisation already has usage events. */
  ifEmpty?: boolean;
  /** Time zone of a new organisation (default UTC). */
  timeZone?: string;
  chunkSize?: number;
};

export type SeedOrgResult = {
  orgId: string;
  /** True when `ifEmpty` found events and nothing was written. */
  skipped: boolean;
  teams: number;
  features: number;
  users: number;
  events: number;
  outcomes: number;
  costUsd: string;
  savedUsd: string;
  unpricedEvents: number;
};

export async function seedOrg(options: SeedOrgOptions): Promise<SeedOrgResult> {
  const { slug, events, days, end = new Date(), seed = 42, ifEmpty = false } = options;
  const db = prisma();
  const existing = await db.organization.findUnique({ where: { slug }, select: { id: true } });
  if (existing && ifEmpty && (await hasEvents(existing.id))) {
    return { orgId: existing.id, skipped: true, teams: 0, features: 0, users: 0, events: 0, outcomes: 0, costUsd: "0.000000000", savedUsd: "0.000000000", unpricedEvents: 0 };
  }

  const org =
    existing ??
    (await db.organization.upsert({
      where: { slug },
      create: { slug, name: slug === DEMO_ORG.slug ? DEMO_ORG.name : `${DEMO_ORG.name} (${slug})`, timeZone: options.timeZone },
      update: {},
      select: { id: true },
    }));
  const teamIds = new Map<string, string>();
  for (const team of DEMO_TEAMS) {
    const row = await db.team.upsert({
      where: { orgId_slug: { orgId: org.id, slug: team.slug } },
      create: { orgId: org.id, slug: team.slug, name: team.name },
      update: {},
      select: { id: true },
    });
    teamIds.set(team.slug, row.id);
  }
  const users = slug === DEMO_ORG.slug ? await seedDemoUsers(org.id, teamIds) : 0;

  // a new prefix per run: seeding again without ifEmpty adds events, never collides
  const idPrefix = `seed-${Date.now().toString(36)}`;
  const written = await writeUsage({
    pool: pool(),
    orgId: org.id,
    teamIds,
    items: generateUsage({ events, days, end, seed, idPrefix }),
    total: events,
    prices: PriceBook.fromCatalogFile(),
    chunkSize: options.chunkSize,
    onProgress: options.onProgress,
  });
  return {
    orgId: org.id,
    skipped: false,
    teams: teamIds.size,
    features: DEMO_FEATURES.length,
    users,
    events: written.events,
    outcomes: written.outcomes,
    costUsd: formatUsd(written.costNanos),
    savedUsd: formatUsd(written.savedNanos),
    unpricedEvents: written.unpriced,
  };
}

async function hasEvents(orgId: string): Promise<boolean> {
  const { rowCount } = await pool().query("SELECT 1 FROM usage_events WHERE org_id = $1 LIMIT 1", [orgId]);
  return (rowCount ?? 0) > 0;
}
