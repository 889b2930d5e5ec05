import { BUDGET_KEY_ACCESS } from "@/lib/budgets/authorize-budget";
import { archiveBudget, updateBudget } from "@/lib/budgets/update-budget";
import { routeWithKey } from "@/lib/http/route";
import { UpdateBudgetBody } from "@/lib/schemas/budgets";

// PATCH /api/v1/budgets/:id: change a budget (audited: before → after).
export const PATCH = routeWithKey({ action: "budgets.write", body: UpdateBudgetBody, ...BUDGET_KEY_ACCESS }, async ({ caller, body, params }) => ({
  budget: await updateBudget(caller, params.id, body),
}));

// DELETE /api/v1/budgets/:id: archive a budget; it stops applying, its history stays.
export const DELETE = routeWithKey({ action: "budgets.write", ...BUDGET_KEY_ACCESS }, async ({ caller, params }) => ({
  budget: await archiveBudget(caller, params.id),
}));
