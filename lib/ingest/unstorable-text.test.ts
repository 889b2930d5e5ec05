import { describe, expect, it } from "vitest";
import { findUnstorableText, mayHoldUnstorableText } from "./unstorable-text";

const LONE = "text must be valid Unicode (no lone surrogate halves)";

describe("mayHoldUnstorableText", () => {
  it.each([
    ['{"k":"\\ud800"}', "an escaped high half"],
    ['{"k":"\\uDC00"}', "an escaped low half, upper case"],
    ['{"k":"\\ud83d\\ude00"}', "an escaped pair (only the walk can clear it)"],
    ['{"k":"\\u0000"}', "an escaped NUL"],
    ['{"k":"a\u0000"}', "a raw NUL"],
    ['{"k":"\ud800"}', "a raw lone half"],
  ])("flags %s (%s)", (body) => {
    expect(mayHoldUnstorableText(body)).toBe(true);
  });

  it.each(['{"k":"plain","n":1}', '{"k":"😀 é \\u00e9 \\ue000"}'])("lets %s through unchecked", (body) => {
    expect(mayHoldUnstorableText(body)).toBe(false);
  });
});

describe("findUnstorableText", () => {
  it("names the field holding a lone surrogate half, at any depth", () => {
    expect(findUnstorableText({ id: "a\ud800" })).toEqual({ path: "id", message: LONE });
    expect(findUnstorableText({ id: "ok", metadata: { k: "\udfff" } })).toEqual({ path: "metadata.k", message: LONE });
    expect(findUnstorableText({ usage: { list: ["ok", "\ud801x"] } })).toEqual({ path: "usage.list[1]", message: LONE });
  });

  it("names the object holding a key with a lone surrogate half or a NUL", () => {
    expect(findUnstorableText({ metadata: { "k\ud800": "v" } })).toEqual({ path: "metadata", message: "keys must be valid Unicode (no lone surrogate halves)" });
    expect(findUnstorableText({ metadata: { "k\u0000": "v" } })).toEqual({ path: "metadata", message: "keys must not contain the NUL character (U+0000)" });
  });

  it("names the field holding a NUL", () => {
    expect(findUnstorableText({ userId: "a\u0000b" })).toEqual({ path: "userId", message: "text must not contain the NUL character (U+0000)" });
  });

  it("accepts well-formed text, pairs and non-strings included", () => {
    expect(findUnstorableText({ id: "😀", n: 1, b: true, z: null, m: { k: ["é"] } })).toBeNull();
  });

  it("reports the first fault in document order", () => {
    expect(findUnstorableText({ a: { "k\u0000": { b: "\u0000" } }, c: "\u0000" })).toEqual({ path: "a", message: "keys must not contain the NUL character (U+0000)" });
    expect(findUnstorableText({ a: [{ b: "ok" }, { b: "x\u0000" }], c: "\u0000" })).toEqual({ path: "a[1].b", message: "text must not contain the NUL character (U+0000)" });
  });

  it("walks an item nested a hundred thousand deep without overflowing the stack", () => {
    const nest = (inner: unknown) => {
      let value = inner;
      for (let i = 0; i < 100_000; i++) value = [value];
      return { ignored: value };
    };
    expect(findUnstorableText(nest("fine"))).toBeNull();
    const issue = findUnstorableText(nest("x\u0000"));
    expect(issue?.message).toBe("text must not contain the NUL character (U+0000)");
    expect(issue?.path).toBe(`ignored${"[0]".repeat(100_000)}`);
  });
});

