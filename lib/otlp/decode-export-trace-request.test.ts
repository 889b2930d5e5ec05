import { describe, expect, it } from "vitest";
import { OtlpDecodeError, decodeExportTraceRequest, otlpEncoding } from "./decode-export-trace-request";
import { ENCODINGS, recordSpans, serialize } from "@/tests/otlp-payloads";

const ATTRIBUTES = {
  "gen_ai.request.model": "gpt-4o",
  "gen_ai.usage.input_tokens": 100,
  "x.double": 1.5,
  "x.bool": false,
  "x.zero": 0,
  "x.empty": "",
  "x.array": ["a", "b"],
  "x.big": 2 ** 40,
};

describe("decodeExportTraceRequest", () => {
  it.each(ENCODINGS)("decodes SDK-serialised $encoding into the normalised shape", async ({ encoding, contentType }) => {
    const spans = await recordSpans([{ name: "chat gpt-4o", attributes: ATTRIBUTES, error: true, children: [{ name: "child" }] }]);
    const decoded = decodeExportTraceRequest(serialize(spans)[encoding], contentType);

    const [child, parent] = spans;
    expect(decoded.resourceSpans).toHaveLength(1);
    const [{ resource, scopeSpans }] = decoded.resourceSpans;
    expect(resource.attributes).toMatchObject({ "service.name": "Support Bot", "finops.team": "search" });
    expect(scopeSpans).toHaveLength(1);
    expect(scopeSpans[0].scope).toEqual({ name: "finops-test", version: "1.0.0" });
    expect(scopeSpans[0].spans).toEqual([
      expect.objectContaining({ name: "child", spanId: child.spanContext().spanId, parentSpanId: parent.spanContext().spanId, attributes: {}, status: { code: 0, message: "" } }),
      {
        traceId: parent.spanContext().traceId,
        spanId: parent.spanContext().spanId,
        parentSpanId: "",
        name: "chat gpt-4o",
        kind: 1,
        startTimeUnixNano: 1_795_860_000_000_123_456n,
        endTimeUnixNano: 1_795_860_001_234_623_456n,
        attributes: ATTRIBUTES,
        status: { code: 2, message: "provider error" },
      },
    ]);
  });

  it("gives the same structure for protobuf and JSON", async () => {
    const spans = await recordSpans([{ attributes: ATTRIBUTES, children: [{ name: "tool", attributes: { "gen_ai.tool.name": "search" } }] }]);
    const { protobuf, json } = serialize(spans);
    expect(decodeExportTraceRequest(json, "application/json")).toEqual(decodeExportTraceRequest(protobuf, "application/x-protobuf"));
  });

  it("reads every JSON spelling OTLP allows: enum names or numbers, int64 as strings or numbers, upper-case hex, unknown fields", () => {
    const body = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "svc" } }], droppedAttributesCount: 0 },
          scopeSpans: [
            {
              scope: { name: "s" },
              spans: [
                {
                  traceId: "0AF7651916CD43DD8448EB211C80319C",
                  spanId: "B7AD6B7169203331",
                  name: "n",
                  kind: "SPAN_KIND_CLIENT",
                  startTimeUnixNano: 1_795_860_000_000_000_000,
                  endTimeUnixNano: "1795860000500000000",
                  attributes: [
                    { key: "int-as-string", value: { intValue: "42" } },
                    { key: "huge", value: { intValue: "9223372036854775807" } },
                    { key: "kv", value: { kvlistValue: { values: [{ key: "k", value: { doubleValue: "NaN" } }] } } },
                    { key: "bytes", value: { bytesValue: "AQI=" } },
                    { key: "empty", value: {} },
                  ],
                  status: { code: "STATUS_CODE_ERROR" },
                  events: [{ name: "ignored" }],
                  futureField: true,
                },
              ],
            },
          ],
        },
      ],
    };
    const [span] = decodeExportTraceRequest(Buffer.from(JSON.stringify(body)), "application/json; charset=utf-8").resourceSpans[0].scopeSpans[0].spans;
    expect(span).toEqual({
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b7ad6b7169203331",
      parentSpanId: "",
      name: "n",
      kind: 3,
      startTimeUnixNano: 1_795_860_000_000_000_000n,
      endTimeUnixNano: 1_795_860_000_500_000_000n,
      attributes: { "int-as-string": 42, huge: "9223372036854775807", kv: { k: Number.NaN }, bytes: "AQI=", empty: null },
      status: { code: 2, message: "" },
    });
  });

  it.each([
    { body: Buffer.alloc(0), contentType: "application/x-protobuf" },
    { body: Buffer.from("{}"), contentType: "application/json" },
  ])("decodes an empty $contentType request to no spans", ({ body, contentType }) => {
    expect(decodeExportTraceRequest(body, contentType)).toEqual({ resourceSpans: [] });
  });

  it("rejects the bytes of a request cut short", async () => {
    const { protobuf } = serialize(await recordSpans([{ attributes: ATTRIBUTES }]));
    expect(() => decodeExportTraceRequest(protobuf.subarray(0, protobuf.length - 10), "application/x-protobuf")).toThrow(OtlpDecodeError);
  });

  it.each([
    { case: "text sent as protobuf", body: "not a protobuf", contentType: "application/x-protobuf", message: /protobuf/ },
    { case: "invalid JSON", body: "{resourceSpans: [", contentType: "application/json", message: /json/ },
    { case: "JSON that is not an object", body: "[1, 2]", contentType: "application/json", message: /expected object/ },
    { case: "resourceSpans not a list", body: '{"resourceSpans": "x"}', contentType: "application/json", message: /resourceSpans/ },
    { case: "bad int64", body: '{"resourceSpans": [{"scopeSpans": [{"spans": [{"startTimeUnixNano": "soon"}]}]}]}', contentType: "application/json", message: /startTimeUnixNano/ },
    { case: "base64 instead of hex id", body: '{"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "CvdlGRbNQ92ESOshHIAxnA=="}]}]}]}', contentType: "application/json", message: /traceId must be a hex string/ },
    { case: "odd-length hex id", body: '{"resourceSpans": [{"scopeSpans": [{"spans": [{"spanId": "abc"}]}]}]}', contentType: "application/json", message: /spanId must be a hex string/ },
  ])("throws OtlpDecodeError(invalid_payload) for $case", ({ body, contentType, message }) => {
    const decode = () => decodeExportTraceRequest(Buffer.from(body), contentType);
    expect(decode).toThrow(OtlpDecodeError);
    expect(decode).toThrow(message);
    expect(() => decode()).toThrow(expect.objectContaining({ code: "invalid_payload" }));
  });

  it("throws OtlpDecodeError(invalid_payload) for JSON nested too deeply to decode", () => {
    const depth = 20_000;
    const value = `${'{"arrayValue":{"values":['.repeat(depth)}${"]}}".repeat(depth)}`;
    const body = `{"resourceSpans":[{"resource":{"attributes":[{"key":"k","value":${value}}]}}]}`;
    expect(() => decodeExportTraceRequest(Buffer.from(body), "application/json")).toThrow(expect.objectContaining({ code: "invalid_payload" }));
  });

  it("throws OtlpDecodeError(unsupported_media_type) for other content types", () => {
    expect(() => decodeExportTraceRequest(Buffer.from("{}"), "text/plain")).toThrow(expect.objectContaining({ name: "OtlpDecodeError", code: "unsupported_media_type" }));
  });
});

describe("otlpEncoding", () => {
  it.each([
    ["application/x-protobuf", "protobuf"],
    ["Application/X-Protobuf; charset=binary", "protobuf"],
    ["application/protobuf", "protobuf"],
    ["application/json", "json"],
    ["application/json; charset=utf-8", "json"],
    ["application/x-ndjson", null],
    ["", null],
  ])("%s → %s", (contentType, expected) => {
    expect(otlpEncoding(contentType)).toBe(expected);
  });
});
