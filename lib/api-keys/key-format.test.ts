import { describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, looksLikeApiKey } from "./key-format";

describe("API key format", () => {
  it("generates distinct keys whose hash and prefix match", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.secret).not.toBe(b.secret);
    expect(looksLikeApiKey(a.secret)).toBe(true);
    expect(a.secret.startsWith(a.prefix)).toBe(true);
    expect(a.hash).toBe(hashApiKey(a.secret));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.secret);
  });

  it.each(["", "fo_short", "sk-abc", `fo_${"a".repeat(42)}!`])("rejects %j", (value) => {
    expect(looksLikeApiKey(value)).toBe(false);
  });
});
