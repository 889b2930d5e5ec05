// POST /api/otlp/v1/traces: OTLP/HTTP trace export, protobuf or JSON, gzip allowed (API.md).
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { AppError } from "@/lib/http/errors";
import { errorHeaders } from "@/lib/http/node-response";
import { readBody } from "@/lib/http/read-body";
import { ingestOtlpTraces } from "@/lib/ingest/ingest-otlp";
import { encodeExportTraceError } from "@/lib/otlp/encode-export-trace-error";
import { encodeExportTraceResponse } from "@/lib/otlp/encode-export-trace-response";
import { otlpEncoding } from "@/lib/otlp/decode-export-trace-request";
import { MAX_BODY_BYTES } from "@/lib/schemas/events";
import { machineRateLimiter } from "./rate-limit";

/** OTLP exporters send protobuf unless they say otherwise. */
const requestContentType = (req: IncomingMessage) => req.headers["content-type"] ?? "application/x-protobuf";

/** Answers in the request's encoding: protobuf for protobuf, JSON for anything else. */
function sendOtlp(req: IncomingMessage, res: ServerResponse, status: number, payload: Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": otlpEncoding(requestContentType(req)) === "protobuf" ? "application/x-protobuf" : "application/json",
    "content-length": payload.length,
    ...headers,
  });
  res.end(payload);
}

export async function postOtlpTraces(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const principal = await authenticateApiKey(req.headers.authorization, "ingest");
  machineRateLimiter.take(principal.keyId);
  const contentType = requestContentType(req);
  const body = await readBody(req, MAX_BODY_BYTES);
  const result = await ingestOtlpTraces({ principal, body, contentType });
  sendOtlp(req, res, 200, encodeExportTraceResponse(result, contentType));
}

/** An error on the OTLP path, as OTLP requires: a google.rpc.Status, with our status code and Retry-After. */
export function sendOtlpError(req: IncomingMessage, res: ServerResponse, err: AppError): void {
  sendOtlp(req, res, err.status, encodeExportTraceError(err, requestContentType(req)), errorHeaders(err));
}
