// Text PostgreSQL cannot store: U+0000 (text and jsonb refuse it) and lone
// UTF-16 surrogate halves, which JSON lets through ("\ud800"): jsonb refuses
// them, failing the whole statement, and text stores each as U+FFFD, so two
// distinct ids could collide. Items holding such text are rejected, naming
// the field. Bodies are scanned once, cheaply; only flagged ones are walked
// item by item.
import { issuePath } from "@/lib/http/zod-error";

// an escaped surrogate half (pairs too: only the walk can tell them apart), a raw NUL or an escaped one
const SUSPECT_ESCAPE = /\\u(?:d[89a-f][0-9a-f]{2}|0000)|\u0000/i;

/** False when no item of the body can hold unstorable text. */
export function mayHoldUnstorableText(body: string): boolean {
  return SUSPECT_ESCAPE.test(body) || !body.isWellFormed();
}

function problemOf(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain the NUL character (U+0000)";
  if (!text.isWellFormed()) return "must be valid Unicode (no lone surrogate halves)";
  return null;
}

export type TextIssue = { path: string; message: string };

/** A value met by the walk: how it was reached, to name its path only when it is at fault. */
type Visit = { value: unknown; parent: Visit | null; step: string | number | null; keyProblem: string | null };

function pathOf(visit: Visit | null): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at = visit; at !== null && at.step !== null; at = at.parent) path.push(at.step);
  return path.reverse();
}

/**
 * The first string of `value` (a value or an object key, at any depth) PostgreSQL cannot store, or null.
 * Walked with a stack of its own, in document order: an item nested a hundred thousand deep is
 * walked like any other instead of overflowing the call stack (a 500 for the whole request).
 */
export function findUnstorableText(value: unknown): TextIssue | null {
  const stack: Visit[] = [{ value, parent: null, step: null, keyProblem: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (visit.keyProblem) return { path: issuePath(pathOf(visit.parent)), message: `keys ${visit.keyProblem}` };
    if (typeof visit.value === "string") {
      const problem = problemOf(visit.value);
      if (problem !== null) return { path: issuePath(pathOf(visit)), message: `text ${problem}` };
      continue;
    }
    if (typeof visit.value !== "object" || visit.value === null) continue;
    const array = Array.isArray(visit.value);
    const entries = Object.entries(visit.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      stack.push({ value: child, parent: visit, step: array ? Number(key) : key, keyProblem: array ? null : problemOf(key) });
    }
  }
  return null;
}
