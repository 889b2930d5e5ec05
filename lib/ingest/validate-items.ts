import type { z } from "zod";
import { issuePath } from "@/lib/http/zod-error";
import type { RejectedItem } from "@/lib/schemas/events";
import type { Envelope } from "./parse-envelope";
import { findUnstorableText } from "./unstorable-text";

export type Valid<T> = { index: number; value: T };

function idOf(item: unknown): string | null {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id.slice(0, 128) : null;
}

/** Validates each item on its own: valid items go on, the others are rejected with the fields named. */
export function validateItems<S extends z.ZodType>(envelope: Envelope, schema: S): { valid: Valid<z.output<S>>[]; rejected: RejectedItem[] } {
  const valid: Valid<z.output<S>>[] = [];
  const rejected: RejectedItem[] = [];
  envelope.items.forEach((item, index) => {
    const lineError = envelope.lineErrors.get(index);
    if (lineError) {
      rejected.push({ index, id: null, errors: [{ path: "", message: lineError }] });
      return;
    }
    const textIssue = envelope.mayHoldUnstorableText ? findUnstorableText(item) : null;
    if (textIssue) {
      rejected.push({ index, id: idOf(item), errors: [textIssue] });
      return;
    }
    const result = schema.safeParse(item);
    if (result.success) valid.push({ index, value: result.data });
    else rejected.push({ index, id: idOf(item), errors: result.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })) });
  });
  return { valid, rejected };
}

export function reject(index: number, id: string | null, path: string, message: string): RejectedItem {
  return { index, id, errors: [{ path, message }] };
}
