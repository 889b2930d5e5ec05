// Fresh tenants for integration tests: every test gets its own organisation
// with random names, so tests never see each other's rows.
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";

export function randomSlug(prefix = "t"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function makeOrg(overrides: { slug?: string; teams?: string[] } = {}) {
  const slug = overrides.slug ?? randomSlug("org");
  const org = await prisma().organization.create({ data: { slug, name: `Org ${slug}` } });
  const teams = await Promise.all(
    (overrides.teams ?? ["alpha", "beta"]).map((teamSlug) =>
      prisma().team.create({ data: { orgId: org.id, slug: teamSlug, name: teamSlug } }),
    ),
  );
  return { org, teams };
}

export async function makeMember(orgId: string, role: Role, teamIds: string[] = [], password = "secret-password") {
  const user = await prisma().user.create({
    data: { email: `${randomSlug(role)}@example.test`, name: role, passwordHash: await hashPassword(password) },
  });
  await prisma().membership.create({
    data: { orgId, userId: user.id, role, teams: { create: teamIds.map((teamId) => ({ teamId })) } },
  });
  return user;
}

export function makeUsageEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `evt-${randomUUID()}`,
    timestamp: "2026-11-02T10:15:00Z",
    team: "alpha",
    feature: "answer",
    provider: "openai",
    model: "gpt-4o",
    usage: { inputTokens: 2000, outputTokens: 500, cachedInputTokens: 0 },
    ...overrides,
  };
}

export async function makeBudget(orgId: string, overrides: Partial<Prisma.BudgetUncheckedCreateInput> = {}) {
  return prisma().budget.create({
    data: { orgId, name: `budget ${randomSlug("b")}`, scopeType: "org", period: "month", limitUsd: "100", mode: "hard", action: "deny", alertThresholds: [], failMode: "open", ...overrides },
  });
}
