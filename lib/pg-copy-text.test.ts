import { describe, expect, it } from "vitest";
import { copyLine as copyFields } from "./pg-copy-text";

const copyLine = (values: unknown[]) => copyFields(values, values.map((_, i) => i));

describe("copyLine", () => {
  it("separates fields by tabs, ends the line, and keeps NULL apart from the text '\\N'", () => {
    expect(copyLine(["a", null, undefined, "\\N", ""])).toBe("a\t\\N\t\\N\t\\\\N\t\n");
  });

  it("escapes backslash, tab, newline and carriage return, and nothing else", () => {
    expect(copyLine(['{"k":"a\\"b\\nc"}', "tab\there", "line\nbreak\r", 'quote " comma , brace {}'])).toBe(
      '{"k":"a\\\\"b\\\\nc"}\ttab\\there\tline\\nbreak\\r\tquote " comma , brace {}\n',
    );
  });

  it("writes numbers bare, booleans as t/f and dates as ISO-8601 UTC", () => {
    expect(copyLine([0, 42, true, false, new Date("2026-11-28T10:00:00.123+02:00")])).toBe("0\t42\tt\tf\t2026-11-28T08:00:00.123Z\n");
  });
});
