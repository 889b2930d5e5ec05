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

/** The first string of `value` (a value or an object key, at any depth) PostgreSQL cannot store, or null. */
export function findUnstorableText(value: unknown, path: (string | number)[] = []): TextIssue | null {
  if (typeof value === "string") {
    const problem = problemOf(value);
    return problem === null ? null : { path: issuePath(path), message: `text ${problem}` };
  }
  if (typeof value !== "object" || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    const keyProblem = Array.isArray(value) ? null : problemOf(key);
    if (keyProblem) return { path: issuePath(path), message: `keys ${keyProblem}` };
    const issue = findUnstorableText(child, [...path, Array.isArray(value) ? Number(key) : key]);
    if (issue) return issue;
  }
  return null;
}
