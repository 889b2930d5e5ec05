// Writing JSON answers on the node:http fast path.
import type { ServerResponse } from "node:http";
import { AppError } from "./errors";

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJsonPayload(res, status, JSON.stringify(body), headers);
}

/** Sends JSON already serialised (a payload kept for answers that repeat). */
export function sendJsonPayload(res: ServerResponse, status: number, payload: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(payload);
}

/** The headers of an error answer, whatever its body. */
export function errorHeaders(err: AppError): Record<string, string> {
  const headers: Record<string, string> = err.retryAfter !== undefined ? { "retry-after": String(err.retryAfter) } : {};
  // the client may still be sending a body we refused: close rather than drain it
  if (err.status === 413) headers.connection = "close";
  return headers;
}

export function sendError(res: ServerResponse, err: AppError): void {
  sendJson(res, err.status, err.toBody(), errorHeaders(err));
}
