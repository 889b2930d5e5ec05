import { describe, expect, it } from "vitest";
import { csvField, csvRow } from "./csv";

describe("csv", () => {
  it("leaves plain fields alone and writes null as empty", () => {
    expect(csvRow(["gpt-4o", 12, true, null, "0.000000001"])).toBe("gpt-4o,12,true,,0.000000001\r\n");
  });

  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
  });

  it("defuses spreadsheet formulas but keeps negative numbers", () => {
    expect(csvField("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField("-1.500000000")).toBe("-1.500000000");
    expect(csvField("+1,2")).toBe(`"'+1,2"`);
  });
});
