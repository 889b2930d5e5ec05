import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Which alerts a caller sees: every alert for org-wide roles (teamIds null);
 * team-limited roles see the alerts of their teams' budgets only.
 */
export function alertVisibility(orgId: string, teamIds: string[] | null): Prisma.AlertWhereInput {
  return { orgId, ...(teamIds ? { budget: { scopeType: "team", scopeValue: { in: teamIds } } } : {}) };
}
