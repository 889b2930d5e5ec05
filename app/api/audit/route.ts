import { listAuditLog } from "@/lib/audit/list-audit-log";
import { route } from "@/lib/http/route";
import { ListAuditLogQuery } from "@/lib/schemas/audit";

// GET /api/audit: the organisation's audit log, newest first, a page at a time (?cursor&limit).
export const GET = route({ action: "audit.read", query: ListAuditLogQuery }, async ({ viewer, query }) => listAuditLog({ orgId: viewer.orgId, query }));
