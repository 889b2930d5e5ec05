import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { eventsLogParams } from "@/components/explore/event-log-params";
import { EventLog } from "@/components/explore/event-log";
import { listEvents } from "@/lib/analytics/list-events";
import { teamScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/viewer";
import { eventsLogQueryOptions } from "@/lib/queries/events-log";
import { ListEventsQuery } from "@/lib/schemas/events-log";

export const metadata = { title: "Events" };

/** Prefetches the first page the URL names; a query the API refuses is left to the client, which shows the error with a retry. */
export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission("spend.read");
  const teamIds = teamScope(viewer);
  const now = new Date().toISOString();
  const params = eventsLogParams(await searchParams, new Date(now));
  const queryClient = new QueryClient();
  const query = ListEventsQuery.safeParse(params);
  if (query.success) {
    const page = await listEvents({ orgId: viewer.orgId, teamIds, query: query.data }).catch(() => null);
    if (page) queryClient.setQueryData(eventsLogQueryOptions(params).queryKey, page);
  }
  return (
    <>
      <div className="page-header">
        <h1>Event log</h1>
        <p>Single usage events with their price breakdown{teamIds ? ", for your teams" : ""}. Open an event to see its tokens per bucket and how it was priced.</p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <EventLog now={now} timeZone={viewer.timeZone} />
      </HydrationBoundary>
    </>
  );
}
