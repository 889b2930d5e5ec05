// Decodes an OTLP/HTTP ExportTraceServiceRequest, binary protobuf or JSON
// (JSON-encoded protobuf: lowerCamelCase names, hex trace and span ids, enums
// as names or numbers, int64 as strings or numbers), into one normalised
// shape. Both encodings go through the same protobufjs message type, so they
// normalise identically. The body must already be gunzipped.
import protojson from "protobufjs/ext/protojson.js";
import { ExportTraceServiceRequest } from "./trace-service-proto";

/** An attribute value. int64 values outside the safe integer range stay decimal strings; bytes are base64; an empty AnyValue is null. */
export type OtlpValue = string | number | boolean | null | OtlpValue[] | { [key: string]: OtlpValue };
export type OtlpAttributes = Record<string, OtlpValue>;

export type OtlpSpan = {
  /** Lower-case hex; "" when absent. */
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  /** Unix nanoseconds; 0n when absent. */
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: OtlpAttributes;
  status: { code: number; message: string };
};
export type OtlpScopeSpans = { scope: { name: string; version: string }; spans: OtlpSpan[] };
export type OtlpResourceSpans = { resource: { attributes: OtlpAttributes }; scopeSpans: OtlpScopeSpans[] };
export type ExportTraceRequest = { resourceSpans: OtlpResourceSpans[] };

export const STATUS_CODE_ERROR = 2;
/** SpanKind CLIENT in OTLP (the API's SpanKind.CLIENT is 2: OTLP counts UNSPECIFIED as 0). */
export const SPAN_KIND_CLIENT = 3;

export type OtlpEncoding = "protobuf" | "json";

/** Thrown for a body that cannot be decoded: the caller answers 400 (`invalid_payload`) or 415 (`unsupported_media_type`). */
export class OtlpDecodeError extends Error {
  readonly code: "invalid_payload" | "unsupported_media_type";
  constructor(code: OtlpDecodeError["code"], message: string) {
    super(message);
    this.name = "OtlpDecodeError";
    this.code = code;
  }
}

/** The OTLP encoding named by a Content-Type header (parameters ignored), or null when it is neither. */
export function otlpEncoding(contentType: string): OtlpEncoding | null {
  const mediaType = contentType.split(";")[0].trim().toLowerCase();
  if (mediaType === "application/x-protobuf" || mediaType === "application/protobuf") return "protobuf";
  if (mediaType === "application/json") return "json";
  return null;
}

export function decodeExportTraceRequest(body: Buffer, contentType: string): ExportTraceRequest {
  const encoding = otlpEncoding(contentType);
  if (!encoding) {
    throw new OtlpDecodeError("unsupported_media_type", `unsupported content type '${contentType}': send application/x-protobuf or application/json`);
  }
  try {
    const message = encoding === "protobuf" ? ExportTraceServiceRequest.decode(body) : fromOtlpJson(body);
    const raw = ExportTraceServiceRequest.toObject(message, { longs: String }) as RawRequest;
    return { resourceSpans: (raw.resourceSpans ?? []).map(toResourceSpans) };
  } catch (error) {
    if (error instanceof OtlpDecodeError) throw error;
    // Includes RangeError from a body nested too deeply to decode.
    const reason = error instanceof Error ? error.message : String(error);
    throw new OtlpDecodeError("invalid_payload", `not a valid OTLP ExportTraceServiceRequest (${encoding}): ${reason}`);
  }
}

const ID_FIELDS = ["traceId", "trace_id", "spanId", "span_id", "parentSpanId", "parent_span_id"];

/** OTLP/JSON differs from the proto3 JSON mapping only in its hex ids, which are turned into base64 before protojson parses the rest. */
function fromOtlpJson(body: Buffer) {
  const json: unknown = JSON.parse(body.toString("utf8"));
  for (const resourceSpans of list(json, "resourceSpans", "resource_spans")) {
    for (const scopeSpans of list(resourceSpans, "scopeSpans", "scope_spans")) {
      for (const span of list(scopeSpans, "spans", "spans")) {
        if (!isRecord(span)) continue;
        for (const field of ID_FIELDS) {
          const id = span[field];
          if (typeof id !== "string") continue;
          if (!/^(?:[0-9a-fA-F]{2})*$/.test(id)) throw new OtlpDecodeError("invalid_payload", `span ${field} must be a hex string, got '${id.slice(0, 64)}'`);
          span[field] = Buffer.from(id, "hex").toString("base64");
        }
      }
    }
  }
  return protojson.fromJson(ExportTraceServiceRequest, json, { ignoreUnknownFields: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function list(parent: unknown, camel: string, snake: string): unknown[] {
  if (!isRecord(parent)) return [];
  const value = parent[camel] ?? parent[snake];
  return Array.isArray(value) ? value : [];
}

type RawAnyValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string;
  doubleValue?: number;
  arrayValue?: { values?: RawAnyValue[] };
  kvlistValue?: { values?: RawKeyValue[] };
  bytesValue?: Uint8Array;
};
type RawKeyValue = { key?: string; value?: RawAnyValue };
type RawSpan = {
  traceId?: Uint8Array;
  spanId?: Uint8Array;
  parentSpanId?: Uint8Array;
  name?: string;
  kind?: number;
  startTimeUnixNano?: string;
  endTimeUnixNano?: string;
  attributes?: RawKeyValue[];
  status?: { code?: number; message?: string };
};
type RawRequest = {
  resourceSpans?: {
    resource?: { attributes?: RawKeyValue[] };
    scopeSpans?: { scope?: { name?: string; version?: string }; spans?: RawSpan[] }[];
  }[];
};

function toResourceSpans(raw: NonNullable<RawRequest["resourceSpans"]>[number]): OtlpResourceSpans {
  return {
    resource: { attributes: toAttributes(raw.resource?.attributes) },
    scopeSpans: (raw.scopeSpans ?? []).map((s) => ({
      scope: { name: s.scope?.name ?? "", version: s.scope?.version ?? "" },
      spans: (s.spans ?? []).map(toSpan),
    })),
  };
}

function toSpan(raw: RawSpan): OtlpSpan {
  return {
    traceId: hex(raw.traceId),
    spanId: hex(raw.spanId),
    parentSpanId: hex(raw.parentSpanId),
    name: raw.name ?? "",
    kind: raw.kind ?? 0,
    startTimeUnixNano: BigInt(raw.startTimeUnixNano ?? 0),
    endTimeUnixNano: BigInt(raw.endTimeUnixNano ?? 0),
    attributes: toAttributes(raw.attributes),
    status: { code: raw.status?.code ?? 0, message: raw.status?.message ?? "" },
  };
}

const hex = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString("hex") : "");

/** Keys are unique per OTLP; should one repeat, the last wins. Object.fromEntries keeps a `__proto__` key an own property. */
function toAttributes(list: RawKeyValue[] | undefined): OtlpAttributes {
  return Object.fromEntries((list ?? []).map((kv) => [kv.key ?? "", toValue(kv.value)]));
}

function toValue(value: RawAnyValue | undefined): OtlpValue {
  if (!value) return null;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) {
    const n = Number(value.intValue);
    return Number.isSafeInteger(n) ? n : value.intValue;
  }
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.arrayValue !== undefined) return (value.arrayValue.values ?? []).map(toValue);
  if (value.kvlistValue !== undefined) return toAttributes(value.kvlistValue.values);
  if (value.bytesValue !== undefined) return Buffer.from(value.bytesValue).toString("base64");
  return null;
}
