import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { insightsParams, parseInsightsSelection } from "@/components/insights/insights-params";
import { InsightsView } from "@/components/insights/insights-view";
import { roleMay, seesAllTeams, teamScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/viewer";
import { getInsights } from "@/lib/insights/get-insights";
import { insightsQueryOptions } from "@/lib/queries/insights";
import { GetInsightsQuery } from "@/lib/schemas/insights";
import { listTeams } from "@/lib/teams/list-teams";

export const metadata = { title: "Insights" };

/** Prefetches the view the URL names (by default the last 30 days); a query the API refuses is left to the client, which shows the error with a retry. */
export default async function InsightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission("spend.read");
  const teamIds = teamScope(viewer);
  const now = new Date().toISOString();
  const params = insightsParams(parseInsightsSelection(await searchParams), new Date(now));
  const queryClient = new QueryClient();
  const query = GetInsightsQuery.safeParse(params);
  const [answer, teams] = await Promise.all([
    query.success ? getInsights({ orgId: viewer.orgId, teamIds, query: query.data }).catch(() => null) : null,
    listTeams({ orgId: viewer.orgId, teamIds }),
  ]);
  if (answer) queryClient.setQueryData(insightsQueryOptions(params).queryKey, answer);
  return (
    <>
      <div className="page-header">
        <h1>Insights</h1>
        <p>
          Where to save{teamIds ? " on your teams' spend" : ""}: cheaper models for routine work, repeated prompts a cache would answer, runaway agents, spend spikes,
          growing prompts and spend no budget covers, ranked by monthly dollars.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <InsightsView
          now={now}
          teams={teams.map((t) => ({ slug: t.slug, name: t.name }))}
          orgWide={seesAllTeams(viewer)}
          permissions={{ manage: roleMay(viewer, "insights.manage"), reviewTeams: roleMay(viewer, "teams.review"), writeBudgets: roleMay(viewer, "budgets.write") }}
          timeZone={viewer.timeZone}
        />
      </HydrationBoundary>
    </>
  );
}
