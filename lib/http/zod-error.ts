import type { z } from "zod";
import { AppError, type ErrorDetail } from "./errors";

export function issuePath(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[");
}

/** A zod failure as a 422 that names the fields. */
export function validationError(error: z.ZodError, what = "body"): AppError {
  const details: ErrorDetail[] = error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
  const first = details[0];
  const message = first?.path ? `${first.path}: ${first.message}` : `Invalid ${what}: ${first?.message ?? "unknown error"}`;
  return new AppError("validation_failed", message, details);
}
