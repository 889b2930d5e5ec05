import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { BudgetOptions } from "@/components/budgets/budget-options";
import { BudgetsView } from "@/components/budgets/budgets-view";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { roleMay, seesAllTeams, teamScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/viewer";
import { listBudgets } from "@/lib/budgets/list-budgets";
import { budgetsQueryOptions } from "@/lib/queries/budgets";
import { listTeams } from "@/lib/teams/list-teams";

export const metadata = { title: "Budgets" };

export default async function BudgetsPage() {
  const viewer = await requirePermission("spend.read");
  const scope = teamScope(viewer);
  const orgWide = seesAllTeams(viewer);
  const [budgets, teams, apiKeys] = await Promise.all([
    listBudgets({ orgId: viewer.orgId, teamIds: scope, timeZone: viewer.timeZone }),
    listTeams({ orgId: viewer.orgId, teamIds: scope }),
    orgWide ? listApiKeys({ orgId: viewer.orgId, teamIds: null }) : [],
  ]);
  const queryClient = new QueryClient();
  queryClient.setQueryData(budgetsQueryOptions().queryKey, { budgets });
  const options: BudgetOptions = {
    canWrite: roleMay(viewer, "budgets.write"),
    scopeTypes: orgWide ? ["org", "team", "feature", "model", "apiKey"] : ["team"],
    teams: teams.map((t) => ({ slug: t.slug, name: t.name })),
    apiKeys: apiKeys.map((k) => ({ id: k.id, name: k.name, revoked: k.revokedAt !== null })),
    timeZone: viewer.timeZone,
  };
  return (
    <>
      <div className="page-header">
        <h1>Budgets</h1>
        <p>
          Caps per organisation, team, feature, model or API key, enforced by the policy check before each LLM call. Spent and remaining are
          this period&apos;s, as the policy check counts them; periods follow {viewer.timeZone}.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <BudgetsView options={options} />
      </HydrationBoundary>
    </>
  );
}
