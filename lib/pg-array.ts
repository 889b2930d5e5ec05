// PostgreSQL array literals for the unnest parameters of the storing
// statements, built in one pass: node-postgres escapes every element with
// regular expressions, which cost more CPU than the rest of the request.
import { pgText } from "./pg-text";

const NEEDS_ESCAPE = /["\\]/;
const ESCAPED = /["\\]/g;

function element(value: unknown): string {
  const text = pgText(value);
  if (text === null) return "NULL";
  if (typeof value === "number" || typeof value === "boolean") return text;
  return NEEDS_ESCAPE.test(text) ? `"${text.replace(ESCAPED, "\\$&")}"` : `"${text}"`;
}

/** The array literal `{...}` of `values` (null → NULL, strings quoted and escaped, dates as ISO-8601 UTC). */
export function pgArray(values: readonly unknown[]): string {
  const elements = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) elements[i] = element(values[i]);
  return `{${elements.join(",")}}`;
}
