import { listEvents } from "@/lib/analytics/list-events";
import { SPEND_KEY_ACCESS } from "@/lib/http/spend-key-access";
import { routeWithKey } from "@/lib/http/route";
import { ListEventsQuery } from "@/lib/schemas/events-log";

// GET /api/v1/events-log: usage events newest first, one keyset page at a time, with each event's price breakdown.
export const GET = routeWithKey(
  { action: "spend.read", query: ListEventsQuery, ...SPEND_KEY_ACCESS },
  ({ caller, query }) => listEvents({ orgId: caller.orgId, teamIds: caller.teamIds, query }),
);
