import { BUDGET_KEY_ACCESS } from "@/lib/budgets/authorize-budget";
import { createBudget } from "@/lib/budgets/create-budget";
import { listBudgets } from "@/lib/budgets/list-budgets";
import { routeWithKey } from "@/lib/http/route";
import { getOrgContext } from "@/lib/org/org-context";
import { CreateBudgetBody } from "@/lib/schemas/budgets";

// GET /api/v1/budgets: the budgets the caller may see, with the current period's spend.
export const GET = routeWithKey({ action: "spend.read", ...BUDGET_KEY_ACCESS }, async ({ caller }) => {
  const { timeZone } = await getOrgContext(caller.orgId);
  return { budgets: await listBudgets({ orgId: caller.orgId, teamIds: caller.teamIds, timeZone }) };
});

// POST /api/v1/budgets: create a budget (finance and admins any; team leads their teams).
export const POST = routeWithKey({ action: "budgets.write", body: CreateBudgetBody, status: 201, ...BUDGET_KEY_ACCESS }, async ({ caller, body }) => ({
  budget: await createBudget(caller, body),
}));
