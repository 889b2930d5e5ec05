import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { pageParams, rangeEnd, type RoiSelection } from "@/components/roi/roi-params";
import { RoiView } from "@/components/roi/roi-view";
import { teamScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/viewer";
import { roiQueryOptions } from "@/lib/queries/roi";
import { getRoi } from "@/lib/roi/get-roi";
import { GetRoiQuery } from "@/lib/schemas/roi";

export const metadata = { title: "ROI" };

export default async function RoiPage() {
  const viewer = await requirePermission("spend.read");
  const teamIds = teamScope(viewer);
  const initial: RoiSelection = { to: rangeEnd(new Date()), days: 30, groupBy: "feature" };
  const queryClient = new QueryClient();
  await Promise.all(
    pageParams(initial).map(async (params) => {
      const answer = await getRoi({ orgId: viewer.orgId, teamIds, query: GetRoiQuery.parse(params) });
      queryClient.setQueryData(roiQueryOptions(params).queryKey, answer);
    }),
  );
  return (
    <>
      <div className="page-header">
        <h1>ROI per token</h1>
        <p>
          Business value bought per dollar and per token, cost per outcome, and the cheapest model that does each job
          {teamIds ? " — for your teams" : ""}. Value comes from the outcomes services report and from events that carry a value.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RoiView initial={initial} />
      </HydrationBoundary>
    </>
  );
}
