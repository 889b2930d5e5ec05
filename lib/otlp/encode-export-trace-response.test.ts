import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import protojson from "protobufjs/ext/protojson.js";
import { describe, expect, it } from "vitest";
import { encodeExportTraceResponse } from "./encode-export-trace-response";
import { ExportTraceServiceResponse } from "./trace-service-proto";

const CASES = [
  { case: "nothing rejected", result: { rejectedSpans: 0 }, expected: {} },
  { case: "nothing rejected, empty message", result: { rejectedSpans: 0, errorMessage: "" }, expected: {} },
  { case: "spans rejected", result: { rejectedSpans: 2, errorMessage: "span 3: no model" }, expected: { partialSuccess: { rejectedSpans: "2", errorMessage: "span 3: no model" } } },
  { case: "a warning only", result: { rejectedSpans: 0, errorMessage: "team unreviewed" }, expected: { partialSuccess: { errorMessage: "team unreviewed" } } },
];

describe("encodeExportTraceResponse", () => {
  it.each(CASES)("protobuf, $case: decodes back with protobufjs", ({ result, expected }) => {
    const body = encodeExportTraceResponse(result, "application/x-protobuf");
    const decoded = ExportTraceServiceResponse.decode(body);
    expect(ExportTraceServiceResponse.toObject(decoded, { longs: String })).toEqual(expected);
  });

  it.each(CASES)("JSON, $case: the proto3 JSON of the response", ({ result, expected }) => {
    const body = encodeExportTraceResponse(result, "application/json");
    expect(JSON.parse(body.toString("utf8"))).toEqual(expected);
    const decoded = protojson.fromJsonString(ExportTraceServiceResponse, body.toString("utf8"));
    expect(ExportTraceServiceResponse.toObject(decoded, { longs: String })).toEqual(expected);
  });

  it("is an empty body in protobuf when nothing was rejected", () => {
    expect(encodeExportTraceResponse({ rejectedSpans: 0 }, "application/x-protobuf")).toHaveLength(0);
  });

  it("answers anything but protobuf in JSON", () => {
    expect(encodeExportTraceResponse({ rejectedSpans: 0 }, "text/plain").toString()).toBe("{}");
  });

  it.each([
    { encoding: "protobuf", contentType: "application/x-protobuf", serializer: ProtobufTraceSerializer },
    { encoding: "json", contentType: "application/json", serializer: JsonTraceSerializer },
  ])("is read by the OpenTelemetry JS exporter's $encoding deserializer", ({ contentType, serializer }) => {
    const body = encodeExportTraceResponse({ rejectedSpans: 3, errorMessage: "no model" }, contentType);
    const response = serializer.deserializeResponse(body);
    expect(Number(response.partialSuccess?.rejectedSpans)).toBe(3);
    expect(response.partialSuccess?.errorMessage).toBe("no model");
  });
});
