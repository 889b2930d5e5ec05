import { streamEventsCsv } from "@/lib/analytics/stream-events-csv";
import { csvHeaders } from "@/lib/http/csv-headers";
import { routeWithKey } from "@/lib/http/route";
import { SPEND_KEY_ACCESS } from "@/lib/http/spend-key-access";
import { ListEventsQuery } from "@/lib/schemas/events-log";

// GET /api/v1/events-log/export: every event matching the filters as a streamed CSV download.
export const GET = routeWithKey({ action: "spend.read", query: ListEventsQuery, ...SPEND_KEY_ACCESS }, async ({ caller, query }) => {
  const stream = await streamEventsCsv({ orgId: caller.orgId, teamIds: caller.teamIds, query });
  return new Response(stream, { headers: csvHeaders(`events-${query.from.toISOString().slice(0, 10)}-${query.to.toISOString().slice(0, 10)}.csv`) });
});
