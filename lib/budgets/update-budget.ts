import { AppError } from "@/lib/http/errors";
import type { Caller } from "@/lib/http/route";
import type { BudgetDto, UpdateBudgetBody } from "@/lib/schemas/budgets";
import { assertMayWriteBudget } from "./authorize-budget";
import { type Tx, teamSlugs, writeBudget } from "./budget-writes";
import { raiseReachedAlerts } from "./raise-reached-alerts";
import { rebuildCurrentLedger } from "./rebuild-ledger";
import { resolveScope } from "./resolve-scope";
import { toBudgetDto } from "./to-budget-dto";

async function current(tx: Tx, caller: Caller, id: string) {
  const budget = await tx.budget.findUnique({ where: { orgId_id: { orgId: caller.orgId, id } } });
  if (!budget) throw new AppError("not_found", "No budget with this id.");
  assertMayWriteBudget(caller, budget);
  return budget;
}

/** PATCH: change some fields; the caller must be allowed both the old and the new scope. */
export async function updateBudget(caller: Caller, id: string, body: UpdateBudgetBody): Promise<BudgetDto> {
  return writeBudget(caller, async (tx) => {
    const before = await current(tx, caller, id);
    const slugs = await teamSlugs(tx, caller.orgId);
    const scope = body.scope ? await resolveScope(tx, caller.orgId, body.scope) : undefined;
    if (scope) assertMayWriteBudget(caller, scope);
    const action = body.action ?? before.action;
    const downgradeTo = body.downgradeTo === undefined ? before.downgradeTo : body.downgradeTo;
    if (action === "downgrade" && !downgradeTo) {
      throw new AppError("validation_failed", "downgradeTo: is required when action is downgrade", [{ path: "downgradeTo", message: "is required when action is downgrade" }]);
    }
    const updated = await tx.budget.update({
      where: { orgId_id: { orgId: caller.orgId, id } },
      data: {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(scope ?? {}),
        ...(body.period !== undefined ? { period: body.period } : {}),
        ...(body.limitUsd !== undefined ? { limitUsd: body.limitUsd } : {}),
        ...(body.mode !== undefined ? { mode: body.mode } : {}),
        ...(body.alertThresholds !== undefined ? { alertThresholds: body.alertThresholds } : {}),
        ...(body.failMode !== undefined ? { failMode: body.failMode } : {}),
        action,
        downgradeTo,
        ...(body.agentGuard !== undefined ? { agentMaxSteps: body.agentGuard?.maxSteps ?? null, agentMaxCostUsd: body.agentGuard?.maxCostUsd ?? null } : {}),
      },
    });
    if (scope || (body.period && body.period !== before.period)) await rebuildCurrentLedger(tx, caller.orgId, updated);
    await raiseReachedAlerts(tx, caller.orgId, updated);
    const after = toBudgetDto(updated, slugs);
    return { result: after, audit: { action: "budget.update", entityType: "budget", entityId: id, before: toBudgetDto(before, slugs), after } };
  });
}

/** DELETE: archive (ledgers and history are kept; the budget stops applying). */
export async function archiveBudget(caller: Caller, id: string): Promise<BudgetDto> {
  return writeBudget(caller, async (tx) => {
    const before = await current(tx, caller, id);
    const slugs = await teamSlugs(tx, caller.orgId);
    const archived = before.archivedAt ? before : await tx.budget.update({ where: { orgId_id: { orgId: caller.orgId, id } }, data: { archivedAt: new Date() } });
    const after = toBudgetDto(archived, slugs);
    return { result: after, audit: { action: "budget.archive", entityType: "budget", entityId: id, before: toBudgetDto(before, slugs), after } };
  });
}
