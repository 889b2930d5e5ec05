import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { ListAuditLogQuery, ListAuditLogResponse } from "@/lib/schemas/audit";
import { diffAudit } from "./diff-audit";

type Cursor = { at: Date; id: string };

/** The last entry of a page: (createdAt, id), as opaque text. */
function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at.toISOString(), c.id])).toString("base64url");
}

function decodeCursor(text: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(text, "base64url").toString()) as [string, string];
    const date = new Date(at);
    if (typeof id === "string" && !Number.isNaN(date.getTime())) return { at: date, id };
  } catch {
    // reported below
  }
  throw new AppError("validation_failed", "cursor: is not a cursor this endpoint returned", [{ path: "cursor", message: "is not a cursor this endpoint returned" }]);
}

const nameOf = (value: unknown) => (typeof value === "object" && value !== null && "name" in value && typeof value.name === "string" ? value.name : null);

/**
 * One page of the organisation's audit log, newest first (keyset pagination
 * on (createdAt, id), served by the (org_id, created_at) index): who (the
 * user's email or the API key's name), what, on which entity, and the
 * fields it changed, before → after.
 */
export async function listAuditLog(input: { orgId: string; query: ListAuditLogQuery }): Promise<ListAuditLogResponse> {
  const { orgId, query } = input;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await prisma().auditLog.findMany({
    where: { orgId, ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const userIds = [...new Set(page.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const keyIds = [...new Set(page.flatMap((r) => (r.actorApiKeyId ? [r.actorApiKeyId] : [])))];
  const [users, keys] = await Promise.all([
    prisma().user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }),
    prisma().apiKey.findMany({ where: { orgId, id: { in: keyIds } }, select: { id: true, name: true } }),
  ]);
  const emails = new Map(users.map((u) => [u.id, u.email]));
  const keyNames = new Map(keys.map((k) => [k.id, k.name]));

  const entries = page.map((r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    actor: r.actorUserId
      ? { type: "user" as const, label: emails.get(r.actorUserId) ?? "deleted user" }
      : r.actorApiKeyId
        ? { type: "apiKey" as const, label: keyNames.get(r.actorApiKeyId) ?? "deleted API key" }
        : { type: "system" as const, label: "system" },
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    entityName: nameOf(r.after) ?? nameOf(r.before),
    changes: diffAudit(r.before, r.after),
  }));
  const last = page.at(-1);
  return { entries, nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}
