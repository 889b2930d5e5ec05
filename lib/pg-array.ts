// PostgreSQL array literals for the unnest parameters of the storing
// statements, built in one pass: node-postgres escapes every element with
// regular expressions, which cost more CPU than the rest of the request.
// Every value is sent as text; PostgreSQL casts it to the parameter's type.

const NEEDS_ESCAPE = /["\\]/;
const ESCAPED = /["\\]/g;

function element(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `"${NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, "\\$&") : text}"`;
}

/** The array literal `{...}` of `values` (null → NULL, strings quoted and escaped, dates as ISO-8601 UTC). */
export function pgArray(values: readonly unknown[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) out += (i === 0 ? "" : ",") + element(values[i]);
  return `${out}}`;
}
