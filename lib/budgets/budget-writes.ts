// What every budget write shares: one transaction with its audit entry, and
// the notification that makes every process drop its in-memory budget state.
import { type AuditEntry, recordAudit } from "@/lib/audit/record-audit";
import { type Prisma, prisma } from "@/lib/db";
import type { Caller } from "@/lib/http/route";
import { BUDGET_CHANNEL } from "@/lib/policy/budget-notify";
import { periodBounds } from "@/lib/policy/period";
import { invalidateBudgetState } from "@/lib/policy/budget-state";

export type Tx = Parameters<Parameters<Prisma["$transaction"]>[0]>[0];

export async function writeBudget<T>(caller: Caller, work: (tx: Tx) => Promise<{ result: T; audit: Omit<AuditEntry, "orgId" | "actorUserId" | "actorApiKeyId"> }>): Promise<T> {
  const result = await prisma().$transaction(async (tx) => {
    const { result, audit } = await work(tx);
    await recordAudit(tx, { ...audit, orgId: caller.orgId, actorUserId: caller.actorUserId, actorApiKeyId: caller.actorApiKeyId });
    await tx.$executeRaw`SELECT pg_notify(${BUDGET_CHANNEL}, ${caller.orgId})`;
    return result;
  });
  invalidateBudgetState(caller.orgId);
  return result;
}

export async function teamSlugs(tx: Pick<Prisma, "team">, orgId: string): Promise<Map<string, string>> {
  const teams = await tx.team.findMany({ where: { orgId }, select: { id: true, slug: true } });
  return new Map(teams.map((t) => [t.id, t.slug]));
}

export type BudgetPeriodOf = { id: string; period: "day" | "week" | "month" | "quarter" };

/** The budget's period that `now` falls in, in its organisation's time zone. */
export async function currentPeriodOf(tx: Tx, orgId: string, budget: BudgetPeriodOf, now: Date): Promise<{ start: Date; end: Date }> {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { timeZone: true } });
  return periodBounds(budget.period, now, org.timeZone);
}
