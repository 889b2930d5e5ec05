import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issuePath, validationError } from "./zod-error";

describe("validationError", () => {
  it("names the field in the message and the details", () => {
    const schema = z.object({ usage: z.object({ inputTokens: z.number().int().min(0) }) });
    const result = schema.safeParse({ usage: { inputTokens: -1 } });
    if (result.success) throw new Error("should fail");
    const err = validationError(result.error);
    expect(err.status).toBe(422);
    expect(err.message).toMatch(/^usage\.inputTokens: /);
    expect(err.details?.[0].path).toBe("usage.inputTokens");
  });

  it("formats array indices", () => {
    expect(issuePath(["events", 3, "id"])).toBe("events[3].id");
  });
});
