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

describe("toAppError and storage", () => {
  it.each([
    [Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" })],
    [new Error("timeout exceeded when trying to connect")],
    [Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
  ])("answers 503 with Retry-After when PostgreSQL is unreachable: %s", (err) => {
    const appError = toAppError(err);
    expect(appError.status).toBe(503);
    expect(appError.retryAfter).toBeGreaterThan(0);
  });
});
