// CSV as RFC 4180 says: fields with a comma, quote, CR or LF are quoted and
// their quotes doubled; lines end with CRLF. A field that a spreadsheet would
// run as a formula (=, +, -, @ first) is prefixed with a quote when it is not
// a number, so an exported model or customer name cannot inject one.
const NUMBER = /^-?\d+(\.\d+)?$/;

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly (string | number | boolean | null)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
