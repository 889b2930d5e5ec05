// Rows in the text format of COPY … FROM STDIN: one line per row, fields
// separated by tabs, \N for NULL, and backslash, tab, newline and carriage
// return escaped with a backslash (every other character stands for itself;
// NUL cannot be stored at all and is refused before, unstorable-text.ts).
import { pgText } from "./pg-text";

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

function field(value: unknown): string {
  if (typeof value === "number") return String(value);
  const text = pgText(value);
  if (text === null) return "\\N";
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]) : text;
}

/** The `fields` of `row`, in order, as a COPY text line, newline included. */
export function copyLine<R>(row: R, fields: readonly (keyof R)[]): string {
  let line = field(row[fields[0]]);
  for (let i = 1; i < fields.length; i++) line += `\t${field(row[fields[i]])}`;
  return `${line}\n`;
}
