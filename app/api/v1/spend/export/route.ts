import { spendTableCsv } from "@/lib/analytics/spend-table-csv";
import { csvHeaders } from "@/lib/http/csv-headers";
import { routeWithKey } from "@/lib/http/route";
import { SPEND_KEY_ACCESS } from "@/lib/http/spend-key-access";
import { GetSpendQuery } from "@/lib/schemas/spend";

// GET /api/v1/spend/export: the Explore table of a spend query (same parameters as GET /api/v1/spend) as a CSV download.
export const GET = routeWithKey({ action: "spend.read", query: GetSpendQuery, ...SPEND_KEY_ACCESS }, async ({ caller, query }) => {
  const csv = await spendTableCsv({ orgId: caller.orgId, teamIds: caller.teamIds, query });
  return new Response(csv, { headers: csvHeaders(`spend-by-${query.groupBy}-${query.from.toISOString().slice(0, 10)}-${query.to.toISOString().slice(0, 10)}.csv`) });
});
