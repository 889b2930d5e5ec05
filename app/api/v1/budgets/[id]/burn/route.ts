import { BUDGET_KEY_ACCESS } from "@/lib/budgets/authorize-budget";
import { getBudgetBurn } from "@/lib/budgets/get-budget-burn";
import { routeWithKey } from "@/lib/http/route";

// GET /api/v1/budgets/:id/burn: the current period's spend per day and the forecast at period end.
export const GET = routeWithKey({ action: "spend.read", ...BUDGET_KEY_ACCESS }, async ({ caller, params }) => ({
  burn: await getBudgetBurn({ orgId: caller.orgId, teamIds: caller.teamIds, budgetId: params.id }),
}));
