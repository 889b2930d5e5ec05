// Test helper: real OTLP payloads, made by the OpenTelemetry JS SDK (spans)
// and its OTLP serializers (bytes), as an exporter would send them.
import { type Attributes, type HrTime, type SpanKind, SpanStatusCode, context, trace } from "@opentelemetry/api";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { expect } from "vitest";
import { EventInput } from "@/lib/schemas/events";
import { decodeExportTraceRequest } from "@/lib/otlp/decode-export-trace-request";
import { type SpansToEventsOptions, type SpansToEventsResult, spansToEvents } from "@/lib/otlp/spans-to-events";

export type SpanSpec = {
  name?: string;
  attributes?: Attributes;
  /** The SDK's default: INTERNAL. */
  kind?: SpanKind;
  error?: boolean;
  /** Defaults: 2026-11-28T10:00:00.000123456Z, ending 1.2345 s later. */
  start?: HrTime;
  end?: HrTime;
  children?: SpanSpec[];
};

export const DEFAULT_START: HrTime = [1_795_860_000, 123_456];
export const DEFAULT_END: HrTime = [1_795_860_001, 234_623_456];
export const DEFAULT_RESOURCE: Attributes = { "service.name": "Support Bot", "finops.team": "search" };

/** Ends the spans of `specs` (children inside their parent) under one resource and returns them in the order the SDK finished them. */
export async function recordSpans(specs: SpanSpec[], resource: Attributes = DEFAULT_RESOURCE): Promise<ReadableSpan[]> {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ resource: resourceFromAttributes(resource), spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const tracer = provider.getTracer("finops-test", "1.0.0");
  const record = (spec: SpanSpec, parentContext = context.active()) => {
    const span = tracer.startSpan(spec.name ?? "chat", { attributes: spec.attributes, kind: spec.kind, startTime: spec.start ?? DEFAULT_START }, parentContext);
    for (const child of spec.children ?? []) record(child, trace.setSpan(parentContext, span));
    if (spec.error) span.setStatus({ code: SpanStatusCode.ERROR, message: "provider error" });
    span.end(spec.end ?? DEFAULT_END);
  };
  for (const spec of specs) record(spec);
  await provider.forceFlush();
  const spans = exporter.getFinishedSpans();
  await provider.shutdown();
  return spans;
}

export function serialize(spans: ReadableSpan[]) {
  const protobuf = ProtobufTraceSerializer.serializeRequest(spans);
  const json = JsonTraceSerializer.serializeRequest(spans);
  if (!protobuf || !json) throw new Error("the OTLP serializers returned nothing");
  return { protobuf: Buffer.from(protobuf), json: Buffer.from(json) };
}

export const ENCODINGS = [
  { encoding: "protobuf", contentType: "application/x-protobuf" },
  { encoding: "json", contentType: "application/json" },
] as const;

/** Records the spans, sends them both ways through decode and mapping, checks both give the same result and that every event passes EventInput. */
export async function eventsOf(specs: SpanSpec[], resource?: Attributes, options?: SpansToEventsOptions): Promise<{ spans: ReadableSpan[]; result: SpansToEventsResult }> {
  const spans = await recordSpans(specs, resource);
  const payloads = serialize(spans);
  const [result, fromJson] = ENCODINGS.map(({ encoding, contentType }) => spansToEvents(decodeExportTraceRequest(payloads[encoding], contentType), options));
  expect(fromJson).toEqual(result);
  for (const event of result.events) expect(EventInput.safeParse(event).error).toBeUndefined();
  return { spans, result };
}

export const idOf = (span: ReadableSpan) => `${span.spanContext().traceId}:${span.spanContext().spanId}`;
