import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { parseSelection, spendParams } from "@/components/explore/explore-params";
import { ExploreView } from "@/components/explore/explore-view";
import { getSpendSeries } from "@/lib/analytics/get-spend-series";
import { teamScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/viewer";
import { spendQueryOptions } from "@/lib/queries/spend";
import { GetSpendQuery } from "@/lib/schemas/spend";

export const metadata = { title: "Explore" };

/** Prefetches the view the URL names; a query the API refuses is left to the client, which shows the error with a retry. */
export default async function ExplorePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission("spend.read");
  const teamIds = teamScope(viewer);
  const now = new Date().toISOString();
  const { current } = spendParams(parseSelection(await searchParams), new Date(now));
  const queryClient = new QueryClient();
  const query = GetSpendQuery.safeParse(current);
  if (query.success) {
    const answer = await getSpendSeries({ orgId: viewer.orgId, teamIds, query: query.data }).catch(() => null);
    if (answer) queryClient.setQueryData(spendQueryOptions(current).queryKey, answer);
  }
  return (
    <>
      <div className="page-header">
        <h1>Explore</h1>
        <p>Spend by team, model, feature, provider or customer over any period{teamIds ? ", for your teams" : ""}. Click a key to narrow the view to it.</p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ExploreView now={now} />
      </HydrationBoundary>
    </>
  );
}
