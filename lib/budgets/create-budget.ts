import type { Caller } from "@/lib/http/route";
import type { BudgetDto, CreateBudgetBody } from "@/lib/schemas/budgets";
import { assertMayWriteBudget } from "./authorize-budget";
import { teamSlugs, writeBudget } from "./budget-writes";
import { raiseReachedAlerts } from "./raise-reached-alerts";
import { rebuildCurrentLedger } from "./rebuild-ledger";
import { resolveScope } from "./resolve-scope";
import { toBudgetDto } from "./to-budget-dto";

export async function createBudget(caller: Caller, body: CreateBudgetBody): Promise<BudgetDto> {
  return writeBudget(caller, async (tx) => {
    const scope = await resolveScope(tx, caller.orgId, body.scope);
    assertMayWriteBudget(caller, scope);
    const created = await tx.budget.create({
      data: {
        orgId: caller.orgId, name: body.name, ...scope, period: body.period, limitUsd: body.limitUsd, mode: body.mode,
        action: body.action, downgradeTo: body.downgradeTo ?? null, alertThresholds: body.alertThresholds, failMode: body.failMode,
        agentMaxSteps: body.agentGuard?.maxSteps ?? null, agentMaxCostUsd: body.agentGuard?.maxCostUsd ?? null, createdById: caller.actorUserId,
      },
    });
    await rebuildCurrentLedger(tx, caller.orgId, created);
    await raiseReachedAlerts(tx, caller.orgId, created);
    const dto = toBudgetDto(created, await teamSlugs(tx, caller.orgId));
    return { result: dto, audit: { action: "budget.create", entityType: "budget", entityId: created.id, after: dto } };
  });
}
