import { describe, expect, it } from "vitest";
import { AppError, toAppError } from "./errors";

describe("AppError", () => {
  it("maps codes to statuses and renders the one error body", () => {
    const err = new AppError("validation_failed", "usage.inputTokens must be a non-negative integer", [
      { path: "usage.inputTokens", message: "must be a non-negative integer" },
    ]);
    expect(err.status).toBe(422);
    expect(err.toBody()).toEqual({
      error: {
        code: "validation_failed",
        message: "usage.inputTokens must be a non-negative integer",
        details: [{ path: "usage.inputTokens", message: "must be a non-negative integer" }],
      },
    });
  });

  it("omits details when there are none", () => {
    expect(new AppError("forbidden", "no").toBody()).toEqual({ error: { code: "forbidden", message: "no" } });
  });

  it("hides unknown errors behind a generic 500", () => {
    const err = toAppError(new Error("password=hunter2 leaked in a stack"));
    expect(err.status).toBe(500);
    expect(err.message).not.toContain("hunter2");
  });
});
