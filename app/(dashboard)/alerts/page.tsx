import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { AlertsView } from "@/components/alerts/alerts-view";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { roleMay, teamScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/viewer";
import { alertsQueryOptions } from "@/lib/queries/alerts";

export const metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const viewer = await requirePermission("spend.read");
  const queryClient = new QueryClient();
  const first = await listAlerts({ orgId: viewer.orgId, teamIds: teamScope(viewer), status: "all", limit: 50 });
  queryClient.setQueryData(alertsQueryOptions({ status: "all" }).queryKey, { pages: [first], pageParams: [null] });
  return (
    <>
      <div className="page-header">
        <h1>Alerts</h1>
        <p>
          An alert is raised once per budget, threshold and period when spend reaches a budget&apos;s alert threshold or its cap.
          {roleMay(viewer, "webhooks.manage") && (
            <>
              {" "}
              They are also sent to your <Link href="/settings/webhooks">webhooks</Link>.
            </>
          )}
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AlertsView timeZone={viewer.timeZone} canAcknowledge={roleMay(viewer, "budgets.write")} />
      </HydrationBoundary>
    </>
  );
}
