// PostgreSQL array literals for the unnest parameters of the storing
// statements, built in one pass: node-postgres escapes every element with
// regular expressions, which cost more CPU than the rest of the request.
// Every value is sent as text; PostgreSQL casts it to the parameter's type.

const NEEDS_ESCAPE = /["\\]/;
const ESCAPED = /["\\]/g;

function quoted(text: string): string {
  return NEEDS_ESCAPE.test(text) ? `"${text.replace(ESCAPED, "\\$&")}"` : `"${text}"`;
}

function element(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  switch (typeof value) {
    case "string":
      return quoted(value);
    case "number":
      return String(value);
    case "boolean":
      return value ? "t" : "f";
    default:
      return quoted(value instanceof Date ? value.toISOString() : String(value));
  }
}

/** The array literal `{...}` of `values` (null → NULL, strings quoted and escaped, dates as ISO-8601 UTC). */
export function pgArray(values: readonly unknown[]): string {
  const elements = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) elements[i] = element(values[i]);
  return `{${elements.join(",")}}`;
}
