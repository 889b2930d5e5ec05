// Before → after of an audit entry, field by field (pure). Objects are
// compared one level down ("scope.value", "agentGuard.maxSteps"); lists and
// deeper values are compared as JSON. Bookkeeping fields are left out.
import type { AuditChange } from "@/lib/schemas/audit";

const IGNORED = new Set(["id", "createdAt", "updatedAt"]);

type Flat = Map<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function flatten(value: unknown): Flat {
  const flat: Flat = new Map();
  if (!isObject(value)) return flat;
  for (const [key, inner] of Object.entries(value)) {
    if (IGNORED.has(key)) continue;
    if (isObject(inner)) for (const [sub, leaf] of Object.entries(inner)) flat.set(`${key}.${sub}`, leaf);
    else flat.set(key, inner);
  }
  return flat;
}

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function diffAudit(before: unknown, after: unknown): AuditChange[] {
  const [b, a] = [flatten(before), flatten(after)];
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  return fields
    .map((field) => ({ field, before: text(b.get(field)), after: text(a.get(field)) }))
    .filter((change) => change.before !== change.after);
}
