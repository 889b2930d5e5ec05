// Changing the organisation's time zone: budget periods, chart days and the
// month to date follow it from then on. In one transaction, audited: the
// zone, every live budget's current-period ledger rebuilt for the period as
// the new zone draws it (spend summed from the events; holds of open
// reservations stay on the old period's ledger until they settle or expire),
// and the customer rollup's local days recounted from the events.
// Every process drops its cached organisation and budget state.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { rebuildCurrentLedger } from "@/lib/budgets/rebuild-ledger";
import { AppError } from "@/lib/http/errors";
import { invalidateOrgContext, ORG_CHANNEL } from "./org-context";
import { BUDGET_CHANNEL } from "@/lib/policy/budget-notify";
import { rebuildCustomerRollup } from "@/lib/rollups/compact-rollups";
import { invalidateBudgetState } from "@/lib/policy/budget-state";
import type { OrganizationSettings } from "@/lib/schemas/organization";

/** Room for recounting the customer rollup of a very large organisation. */
const RECOUNT_TIMEOUT_MS = 10 * 60_000;

export async function updateTimeZone(input: { orgId: string; actorUserId: string; timeZone: string; now?: Date }): Promise<OrganizationSettings> {
  const result = await prisma().$transaction(async (tx) => {
    // the row lock orders concurrent changes of the zone (and lets ingest's key checks through)
    const [before] = await tx.$queryRaw<{ slug: string; name: string; time_zone: string }[]>`SELECT slug, name, time_zone FROM organizations WHERE id = ${input.orgId} FOR NO KEY UPDATE`;
    if (!before) throw new AppError("not_found", "The organisation no longer exists.");
    if (before.time_zone === input.timeZone) return { slug: before.slug, name: before.name, timeZone: before.time_zone };
    // the long part first (seconds for millions of events): ingest goes on meanwhile,
    // and the ledgers rebuilt below stay locked only for the end of the transaction
    await rebuildCustomerRollup((sql, ...values) => tx.$executeRawUnsafe(sql, ...values), input.orgId, input.timeZone);
    await tx.organization.update({ where: { id: input.orgId }, data: { timeZone: input.timeZone } });
    const budgets = await tx.budget.findMany({ where: { orgId: input.orgId, archivedAt: null }, select: { id: true, period: true } });
    for (const budget of budgets) await rebuildCurrentLedger(tx, input.orgId, budget, input.now);
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.actorUserId,
      action: "organization.update",
      entityType: "organization",
      entityId: input.orgId,
      before: { timeZone: before.time_zone },
      after: { timeZone: input.timeZone },
    });
    await tx.$executeRaw`SELECT pg_notify(${ORG_CHANNEL}, ${input.orgId}), pg_notify(${BUDGET_CHANNEL}, ${input.orgId})`;
    return { slug: before.slug, name: before.name, timeZone: input.timeZone };
  }, { timeout: RECOUNT_TIMEOUT_MS, maxWait: 10_000 });
  invalidateOrgContext(input.orgId);
  invalidateBudgetState(input.orgId);
  return result;
}

export async function getOrganizationSettings(orgId: string): Promise<OrganizationSettings> {
  const org = await prisma().organization.findUnique({ where: { id: orgId }, select: { slug: true, name: true, timeZone: true } });
  if (!org) throw new AppError("not_found", "The organisation no longer exists.");
  return org;
}
