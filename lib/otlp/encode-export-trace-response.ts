// The body of a successful OTLP/HTTP trace export answer, in the encoding of
// the request. Per OTLP: an empty ExportTraceServiceResponse when everything
// was accepted; `partialSuccess` when spans were rejected, or to carry a
// warning (rejectedSpans 0 with an errorMessage).
import protojson from "protobufjs/ext/protojson.js";
import { otlpEncoding } from "./decode-export-trace-request";
import { ExportTraceServiceResponse } from "./trace-service-proto";

export type ExportTraceResult = { rejectedSpans: number; errorMessage?: string };

/** `contentType` is the request's; anything but protobuf is answered in JSON. */
export function encodeExportTraceResponse(result: ExportTraceResult, contentType: string): Buffer {
  const errorMessage = result.errorMessage ?? "";
  const body = result.rejectedSpans > 0 || errorMessage ? { partialSuccess: { rejectedSpans: result.rejectedSpans, errorMessage } } : {};
  const message = ExportTraceServiceResponse.fromObject(body);
  if (otlpEncoding(contentType) === "protobuf") return Buffer.from(ExportTraceServiceResponse.encode(message).finish());
  return Buffer.from(protojson.toJsonString(ExportTraceServiceResponse, message), "utf8");
}
