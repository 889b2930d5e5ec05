import { isStorageUnavailable } from "@/lib/db-errors";

// The one error body of both doors (API.md):
// {"error": {"code": "snake_case", "message": "human sentence", "details": [...]}}
export const STATUS_BY_CODE = {
  bad_request: 400,
  invalid_body: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  storage_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

export type ErrorDetail = { path?: string; message: string };

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: ErrorDetail[] } };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Seconds, sent as Retry-After with 429 and 503. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/**
 * An unreachable database is a 503 (nothing of the request was stored);
 * anything else that is not an AppError is a 500 whose cause stays in the log.
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isStorageUnavailable(err)) return new AppError("storage_unavailable", "Storage is unavailable; nothing from this request was stored. Retry later.", undefined, 5);
  return new AppError("internal", "Something went wrong on our side; the error was logged.");
}
