import { prisma } from "@/lib/db";
import { formatUsd, parseUsd } from "@/lib/money";
import { periodBounds } from "@/lib/policy/period";
import { reachedThresholds } from "@/lib/policy/thresholds";
import type { BudgetDto } from "@/lib/schemas/budgets";
import { teamSlugs } from "./budget-writes";
import { toBudgetDto } from "./to-budget-dto";

export type BudgetWithState = BudgetDto & {
  current: { periodStart: string; periodEnd: string; spentUsd: string; reservedUsd: string; remainingUsd: string; status: "ok" | "warning" | "over" };
};

/**
 * Budgets the caller may see (team-limited callers: their teams' budgets),
 * with the spend and reservations of the current period.
 */
export async function listBudgets(input: { orgId: string; teamIds: string[] | null; timeZone: string; includeArchived?: boolean; now?: Date }): Promise<BudgetWithState[]> {
  const now = input.now ?? new Date();
  const budgets = await prisma().budget.findMany({
    where: {
      orgId: input.orgId,
      ...(input.includeArchived ? {} : { archivedAt: null }),
      ...(input.teamIds ? { scopeType: "team" as const, scopeValue: { in: input.teamIds } } : {}),
    },
    include: { ledgers: { where: { periodEnd: { gt: now }, periodStart: { lte: now } } } },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
  const slugs = await teamSlugs(prisma(), input.orgId);
  return budgets.map((b) => {
    const { start, end } = periodBounds(b.period, now, input.timeZone);
    const ledger = b.ledgers.find((l) => l.periodStart.getTime() === start.getTime());
    const limit = parseUsd(b.limitUsd.toFixed(9));
    const spent = ledger ? parseUsd(ledger.spentUsd.toFixed(9)) : 0n;
    const reserved = ledger ? parseUsd(ledger.reservedUsd.toFixed(9)) : 0n;
    const used = spent + reserved;
    const reached = reachedThresholds(used, limit, b.alertThresholds.map((t) => t.toNumber()));
    // at its limit a budget has nothing left: the policy engine refuses every call then (evaluate-policy.ts)
    const status = used >= limit ? "over" : reached.length > 0 ? "warning" : "ok";
    return {
      ...toBudgetDto(b, slugs),
      current: { periodStart: start.toISOString(), periodEnd: end.toISOString(), spentUsd: formatUsd(spent), reservedUsd: formatUsd(reserved), remainingUsd: formatUsd(limit - used), status },
    };
  });
}
