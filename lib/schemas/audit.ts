// Wire shapes of the audit log (zod only).
import { z } from "zod";

// Objects
export const AuditActor = z
  .object({
    type: z.enum(["user", "apiKey", "system"]),
    /** The user's email or the API key's name; "system" for changes no one signed. */
    label: z.string(),
  })
  .strict();

/** One changed field: values as text (JSON for objects and lists), null when absent. */
export const AuditChange = z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }).strict();
export type AuditChange = z.infer<typeof AuditChange>;

export const AuditEntryDto = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: AuditActor,
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    /** The entity's name when it has one (budgets, API keys). */
    entityName: z.string().nullable(),
    changes: z.array(AuditChange),
  })
  .strict();
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;

// Endpoints
export const ListAuditLogQuery = z
  .object({
    /** Opaque: the nextCursor of the previous page; absent for the newest entries. */
    cursor: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  });
export type ListAuditLogQuery = z.output<typeof ListAuditLogQuery>;

export const ListAuditLogResponse = z.object({ entries: z.array(AuditEntryDto), nextCursor: z.string().nullable() }).strict();
export type ListAuditLogResponse = z.infer<typeof ListAuditLogResponse>;
