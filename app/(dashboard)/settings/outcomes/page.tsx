import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { OutcomeKindsView } from "@/components/outcomes/outcome-kinds-view";
import { requirePermission } from "@/lib/auth/viewer";
import { outcomeKindsQueryOptions } from "@/lib/queries/roi";
import { listOutcomeKinds } from "@/lib/roi/list-outcome-kinds";

export const metadata = { title: "Outcomes" };

// Finance and admins: the roles that set prices (see app/api/outcome-kinds/route.ts).
export default async function OutcomesSettingsPage() {
  const viewer = await requirePermission("prices.write");
  const queryClient = new QueryClient();
  // a failed prefetch is left to the client, which shows the error and a retry
  await queryClient.prefetchQuery({ queryKey: outcomeKindsQueryOptions().queryKey, queryFn: () => listOutcomeKinds({ orgId: viewer.orgId }) });
  return (
    <>
      <div className="page-header">
        <p>
          <Link href="/settings">Settings</Link> /
        </p>
        <h1>Outcomes</h1>
        <p>
          Services report business outcomes by kind (POST /api/v1/outcomes). Name the kinds, and give a default value per outcome so a service may send
          a kind and a count without a dollar value. ROI uses each outcome&apos;s value as stored when it arrived.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <OutcomeKindsView timeZone={viewer.timeZone} />
      </HydrationBoundary>
    </>
  );
}
