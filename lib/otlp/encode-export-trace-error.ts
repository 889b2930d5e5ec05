// The body of a failed OTLP/HTTP trace export answer. OTLP requires a
// google.rpc.Status in the encoding of the request (binary protobuf or JSON)
// rather than our JSON error body, so that exporters can read the message.
import protojson from "protobufjs/ext/protojson.js";
import type { AppError, ErrorCode } from "@/lib/http/errors";
import { otlpEncoding } from "./decode-export-trace-request";
import { RpcCode, RpcStatus } from "./rpc-status-proto";

/** The google.rpc.Code of each of our error codes, as gRPC maps the HTTP statuses. */
const RPC_CODE_BY_ERROR: Record<ErrorCode, number> = {
  bad_request: RpcCode.INVALID_ARGUMENT,
  invalid_body: RpcCode.INVALID_ARGUMENT,
  validation_failed: RpcCode.INVALID_ARGUMENT,
  unsupported_media_type: RpcCode.INVALID_ARGUMENT,
  payload_too_large: RpcCode.RESOURCE_EXHAUSTED,
  unauthenticated: RpcCode.UNAUTHENTICATED,
  forbidden: RpcCode.PERMISSION_DENIED,
  not_found: RpcCode.NOT_FOUND,
  method_not_allowed: RpcCode.UNIMPLEMENTED,
  conflict: RpcCode.ABORTED,
  rate_limited: RpcCode.RESOURCE_EXHAUSTED,
  internal: RpcCode.INTERNAL,
  storage_unavailable: RpcCode.UNAVAILABLE,
};

/** `contentType` is the request's; anything but protobuf is answered in JSON. */
export function encodeExportTraceError(err: AppError, contentType: string): Buffer {
  const message = RpcStatus.fromObject({ code: RPC_CODE_BY_ERROR[err.code], message: err.message });
  if (otlpEncoding(contentType) === "protobuf") return Buffer.from(RpcStatus.encode(message).finish());
  return Buffer.from(protojson.toJsonString(RpcStatus, message), "utf8");
}
