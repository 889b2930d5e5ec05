import { describe, expect, it } from "vitest";
import { pgArray } from "./pg-array";

describe("pgArray", () => {
  it("quotes text, escapes quotes and backslashes, and keeps NULL apart from the text 'NULL'", () => {
    expect(pgArray(["a", 'say "hi"', "back\\slash", null, "NULL", "", undefined])).toBe('{"a","say \\"hi\\"","back\\\\slash",NULL,"NULL","",NULL}');
  });

  it("writes numbers and booleans bare and dates as ISO-8601 UTC", () => {
    expect(pgArray([0, 42, true, false, new Date("2026-11-28T10:00:00.123+02:00")])).toBe('{0,42,t,f,"2026-11-28T08:00:00.123Z"}');
  });

  it("writes an empty array", () => {
    expect(pgArray([])).toBe("{}");
  });
});
