// POST /api/otlp/v1/traces: OpenTelemetry GenAI spans become usage events
// and go through the events pipeline; other spans are ignored. The answer is
// an ExportTraceServiceResponse, with partialSuccess when spans were refused.
import type { ApiKeyPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { AppError } from "@/lib/http/errors";
import { MAX_ITEMS_PER_REQUEST } from "@/lib/schemas/events";
import { decodeExportTraceRequest, OtlpDecodeError } from "@/lib/otlp/decode-export-trace-request";
import type { ExportTraceResult } from "@/lib/otlp/encode-export-trace-response";
import { spansToEvents } from "@/lib/otlp/spans-to-events";
import { eventPipeline } from "./ingest-events";
import { ingestItems } from "./ingest-items";
import { tooMany } from "./parse-envelope";

const MAX_MESSAGES = 5;
/** A message quotes the span's values: it is cut, so the answer never grows with the request. */
const MAX_MESSAGE_LENGTH = 300;

const clip = (message: string) => (message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : message);

export async function ingestOtlpTraces(input: { principal: ApiKeyPrincipal; body: Buffer; contentType: string; now?: Date }): Promise<ExportTraceResult> {
  let request;
  try {
    request = decodeExportTraceRequest(input.body, input.contentType);
  } catch (err) {
    if (err instanceof OtlpDecodeError) {
      throw new AppError(err.code === "unsupported_media_type" ? "unsupported_media_type" : "invalid_body", err.message);
    }
    throw err;
  }
  const mapped = spansToEvents(request);
  // the events endpoint's limit: one export is stored in one transaction (SDK exporters send 512 spans at most by default)
  if (mapped.events.length > MAX_ITEMS_PER_REQUEST) throw tooMany(mapped.events.length, "GenAI spans per export");
  // span strings may hold NULs: every event is checked (lone surrogate halves cannot come: protojson refuses them, binary protobuf decodes them as U+FFFD)
  const envelope = { items: mapped.events, lineErrors: new Map(), mayHoldUnstorableText: true };
  const result = await ingestItems(eventPipeline, { principal: input.principal, envelope, now: input.now });
  const messages = [
    ...mapped.rejected.map((r) => `span ${r.spanId}: ${r.message}`),
    ...result.rejected.map((r) => `span ${String(r.id ?? r.index)}: ${r.errors.map((e) => (e.path ? `${e.path} ${e.message}` : e.message)).join("; ")}`),
  ];
  const rejectedSpans = mapped.rejected.length + result.rejected.length;
  if (rejectedSpans === 0) return { rejectedSpans: 0 };
  const more = messages.length > MAX_MESSAGES ? ` (and ${messages.length - MAX_MESSAGES} more)` : "";
  return { rejectedSpans, errorMessage: messages.slice(0, MAX_MESSAGES).map(clip).join(" | ") + more };
}
