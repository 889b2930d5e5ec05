import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requirePermission } from "@/lib/auth/viewer";
import { auditLogQueryOptions } from "@/lib/queries/audit";
import { ListAuditLogQuery } from "@/lib/schemas/audit";

export const metadata = { title: "Audit log" };

export default async function AuditLogPage() {
  const viewer = await requirePermission("audit.read");
  const first = await listAuditLog({ orgId: viewer.orgId, query: ListAuditLogQuery.parse({}) });
  const queryClient = new QueryClient();
  queryClient.setQueryData(auditLogQueryOptions().queryKey, { pages: [first], pageParams: [null] });
  return (
    <>
      <div className="page-header">
        <p>
          <Link href="/settings">Settings</Link> /
        </p>
        <h1>Audit log</h1>
        <p>Who changed what, newest first: budgets, API keys and prices, each with the fields it changed, before → after.</p>
      </div>
      <section className="card" aria-label="Audit log entries">
        <HydrationBoundary state={dehydrate(queryClient)}>
          <AuditLogView timeZone={viewer.timeZone} />
        </HydrationBoundary>
      </section>
    </>
  );
}
