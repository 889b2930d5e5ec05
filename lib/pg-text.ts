// Values as PostgreSQL reads them from text, for the parameters and COPY
// rows the storing statements send: every value goes as text and PostgreSQL
// casts it to the column's type.

/** The text of `value` (numbers bare, booleans t/f, dates ISO-8601 UTC), or null for SQL NULL. */
export function pgText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
      return value;
    case "boolean":
      return value ? "t" : "f";
    default:
      return value instanceof Date ? value.toISOString() : String(value);
  }
}
