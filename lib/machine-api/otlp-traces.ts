// POST /api/otlp/v1/traces: OTLP/HTTP trace export, protobuf or JSON, gzip allowed (API.md).
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { readBody } from "@/lib/http/read-body";
import { ingestOtlpTraces } from "@/lib/ingest/ingest-otlp";
import { encodeExportTraceResponse } from "@/lib/otlp/encode-export-trace-response";
import { otlpEncoding } from "@/lib/otlp/decode-export-trace-request";
import { MAX_BODY_BYTES } from "@/lib/schemas/events";
import { machineRateLimiter } from "./rate-limit";

export async function postOtlpTraces(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const principal = await authenticateApiKey(req.headers.authorization, "ingest");
  machineRateLimiter.take(principal.keyId);
  const contentType = req.headers["content-type"] ?? "application/x-protobuf";
  const body = await readBody(req, MAX_BODY_BYTES);
  const result = await ingestOtlpTraces({ principal, body, contentType });
  const payload = encodeExportTraceResponse(result, contentType);
  res.writeHead(200, {
    "content-type": otlpEncoding(contentType) === "protobuf" ? "application/x-protobuf" : "application/json",
    "content-length": payload.length,
  });
  res.end(payload);
}
