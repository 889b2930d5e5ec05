// The organisation a bench or test run writes to: the demo teams, a few
// budgets (so every stored batch also settles ledgers) and an ingest API key.
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { closeDb, prisma } from "@/lib/db";
import { DEMO_TEAMS } from "@/lib/seed/demo-catalog";

export type IngestTenant = { orgId: string; apiKey: string };

export async function createIngestTenant(databaseUrl: string): Promise<IngestTenant> {
  process.env.DATABASE_URL = databaseUrl;
  try {
    const org = await prisma().organization.create({ data: { slug: "bench", name: "Bench Corp" } });
    const teams = await Promise.all(DEMO_TEAMS.map((t) => prisma().team.create({ data: { orgId: org.id, slug: t.slug, name: t.name } })));
    const budget = { orgId: org.id, period: "month" as const, limitUsd: "100000000", alertThresholds: ["0.8"] };
    await prisma().budget.createMany({
      data: [
        { ...budget, name: "Company", scopeType: "org", scopeValue: null },
        { ...budget, name: "Search team", scopeType: "team", scopeValue: teams[0].id },
        { ...budget, name: "Support agent", scopeType: "feature", scopeValue: "support-agent" },
        { ...budget, name: "Sonnet", scopeType: "model", scopeValue: "claude-sonnet-4", period: "day" },
      ],
    });
    const { secret } = await createApiKey({ orgId: org.id, name: "bench", scopes: ["ingest"] });
    return { orgId: org.id, apiKey: secret };
  } finally {
    await closeDb();
  }
}
