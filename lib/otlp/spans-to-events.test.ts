// Field mapping of spansToEvents; which spans become events: spans-to-events-selection.test.ts.
import { describe, expect, it } from "vitest";
import { EventInput } from "@/lib/schemas/events";
import type { ExportTraceRequest, OtlpSpan } from "./decode-export-trace-request";
import { spansToEvents } from "./spans-to-events";
import { eventsOf, idOf } from "@/tests/otlp-payloads";

describe("spansToEvents: one GenAI span", () => {
  it.each([
    {
      case: "current attribute names (OpenAI chat)",
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.response.model": "gpt-4o-2024-08-06",
        "gen_ai.response.id": "chatcmpl-1",
        "gen_ai.conversation.id": "conv-9",
        "gen_ai.usage.input_tokens": 1200,
        "gen_ai.usage.output_tokens": 300,
        "gen_ai.usage.cache_read.input_tokens": 1000,
        "gen_ai.usage.cache_creation.input_tokens": 0,
        "gen_ai.usage.reasoning.output_tokens": 100,
        "http.request.method": "POST",
      },
      expected: {
        provider: "openai",
        model: "gpt-4o-2024-08-06",
        usage: { inputTokens: 1200, outputTokens: 300, cachedInputTokens: 1000, cacheWriteTokens: 0, reasoningTokens: 100 },
        metadata: { "gen_ai.operation.name": "chat", "gen_ai.conversation.id": "conv-9", "gen_ai.request.model": "gpt-4o", "gen_ai.response.id": "chatcmpl-1" },
      },
    },
    {
      case: "older attribute names (Azure OpenAI)",
      attributes: {
        "gen_ai.system": "az.ai.openai",
        "gen_ai.request.model": "gpt-4o-mini",
        "gen_ai.usage.prompt_tokens": 500,
        "gen_ai.usage.completion_tokens": 50,
        "gen_ai.usage.cache_read_input_tokens": 100,
        "gen_ai.usage.cache_creation_input_tokens": 20,
        "gen_ai.usage.reasoning_tokens": 10,
      },
      expected: {
        provider: "azure",
        model: "gpt-4o-mini",
        usage: { inputTokens: 500, outputTokens: 50, cachedInputTokens: 100, cacheWriteTokens: 20, reasoningTokens: 10 },
        metadata: { "gen_ai.request.model": "gpt-4o-mini" },
      },
    },
    {
      case: "Vercel AI SDK (ai.model.id, dotted provider)",
      attributes: { "ai.model.id": "claude-3-5-sonnet-latest", "gen_ai.system": "anthropic.messages", "gen_ai.usage.input_tokens": 10, "gen_ai.usage.output_tokens": 5 },
      expected: { provider: "anthropic", model: "claude-3-5-sonnet-latest", usage: { inputTokens: 10, outputTokens: 5, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 } },
    },
    {
      case: "Anthropic-style input excluding the cache buckets: they are added",
      attributes: {
        "gen_ai.provider.name": "anthropic",
        "gen_ai.response.model": "claude-sonnet-4-20250514",
        "gen_ai.usage.input_tokens": 10,
        "gen_ai.usage.cache_read.input_tokens": 1000,
        "gen_ai.usage.cache_creation.input_tokens": 200,
        "gen_ai.usage.output_tokens": 50,
      },
      expected: { provider: "anthropic", model: "claude-sonnet-4-20250514", usage: { inputTokens: 1210, outputTokens: 50, cachedInputTokens: 1000, cacheWriteTokens: 200, reasoningTokens: 0 } },
    },
    {
      case: "input including the cache buckets, as the conventions say: kept",
      attributes: { "gen_ai.request.model": "claude-sonnet-4", "gen_ai.usage.input_tokens": 1500, "gen_ai.usage.cache_read.input_tokens": 1000, "gen_ai.usage.cache_creation.input_tokens": 200 },
      expected: { model: "claude-sonnet-4", usage: { inputTokens: 1500, outputTokens: 0, cachedInputTokens: 1000, cacheWriteTokens: 200, reasoningTokens: 0 }, metadata: { "gen_ai.request.model": "claude-sonnet-4" } },
    },
    {
      case: "Gemini-style output excluding reasoning: it is added",
      attributes: { "gen_ai.provider.name": "gcp.gemini", "gen_ai.response.model": "gemini-2.5-pro", "gen_ai.usage.input_tokens": 40, "gen_ai.usage.output_tokens": 20, "gen_ai.usage.reasoning.output_tokens": 100 },
      expected: { provider: "google", model: "gemini-2.5-pro", usage: { inputTokens: 40, outputTokens: 120, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 100 } },
    },
    {
      case: "Bedrock, with the vendor's cost",
      attributes: { "gen_ai.system": "aws.bedrock", "gen_ai.request.model": "anthropic.claude-3-haiku-20240307-v1:0", "gen_ai.usage.input_tokens": 7, "gen_ai.usage.cost": 0.0123 },
      expected: {
        provider: "aws",
        model: "anthropic.claude-3-haiku-20240307-v1:0",
        usage: { inputTokens: 7, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
        costUsd: "0.012300000",
        metadata: { "gen_ai.request.model": "anthropic.claude-3-haiku-20240307-v1:0" },
      },
    },
    {
      case: "a model without usage, an unknown provider",
      attributes: { "gen_ai.provider.name": "Acme.LLM", "gen_ai.response.model": "acme-1" },
      expected: { provider: "acme.llm", model: "acme-1" },
    },
    {
      case: "attribution on the span: finops.*, enduser.id",
      attributes: {
        "gen_ai.response.model": "gpt-4o",
        "finops.team": "billing",
        "finops.feature": "refunds",
        "finops.customer_id": "cus_1",
        "enduser.id": "u-7",
        "finops.prompt_hash": "9f86d081",
      },
      expected: { model: "gpt-4o", team: "billing", feature: "refunds", customerId: "cus_1", userId: "u-7", promptHash: "9f86d081" },
    },
  ])("$case", async ({ attributes, expected }) => {
    const { spans, result } = await eventsOf([{ attributes }]);
    expect(result).toEqual({
      events: [
        {
          id: idOf(spans[0]),
          traceId: spans[0].spanContext().traceId,
          timestamp: "2026-11-28T10:00:01.234Z",
          team: "search",
          feature: "support-bot",
          latencyMs: 1235,
          status: "success",
          ...expected,
        },
      ],
      ignored: 0,
      rejected: [],
    });
  });

  it("marks a span whose status is ERROR as an error", async () => {
    const { result } = await eventsOf([{ attributes: { "gen_ai.request.model": "gpt-4o" }, error: true }]);
    expect(result.events[0].status).toBe("error");
  });

  it("keeps a team given by neither span nor resource for the caller to fill in", async () => {
    const { result } = await eventsOf([{ attributes: { "gen_ai.request.model": "gpt-4o" } }], { "service.name": "svc" });
    expect(result.events[0]).not.toHaveProperty("team");
    expect(result.events[0].feature).toBe("svc");
  });

  it("reads finops attributes on the resource when the span has none", async () => {
    const resource = { "service.name": "svc", "finops.team": "ml", "finops.feature": "summarise", "finops.customer_id": "cus_9" };
    const { result } = await eventsOf([{ attributes: { "gen_ai.request.model": "gpt-4o" } }], resource);
    expect(result.events[0]).toMatchObject({ team: "ml", feature: "summarise", customerId: "cus_9" });
  });

  it.each([
    ["Support Bot", "support-bot"],
    ["Café Ünïcode!!", "cafe-unicode"],
    ["__payments.api_v2", "payments.api_v2"],
    ["x".repeat(70), "x".repeat(64)],
    ["unknown_service:node", undefined],
    ["!!!", undefined],
  ])("turns service.name %j into the feature %j", async (serviceName, feature) => {
    const { result } = await eventsOf([{ attributes: { "gen_ai.request.model": "gpt-4o" } }], { "service.name": serviceName });
    expect(result.events[0].feature).toBe(feature);
  });

  it("copies the metadata keys given in the options", async () => {
    const attributes = { "gen_ai.request.model": "gpt-4o", "app.route": "/answer", "app.retry": 2, "app.flag": true };
    const { result } = await eventsOf([{ attributes }], undefined, { metadataKeys: ["app.route", "app.retry", "app.flag", "app.absent"] });
    expect(result.events[0].metadata).toEqual({ "app.route": "/answer", "app.retry": "2" });
  });
});

describe("spansToEvents: span times", () => {
  const span = (start: bigint, end: bigint): OtlpSpan => ({
    traceId: "0af7651916cd43dd8448eb211c80319c",
    spanId: "b7ad6b7169203331",
    parentSpanId: "",
    name: "chat",
    kind: 3,
    startTimeUnixNano: start,
    endTimeUnixNano: end,
    attributes: { "gen_ai.request.model": "gpt-4o" },
    status: { code: 0, message: "" },
  });
  const request = (s: OtlpSpan): ExportTraceRequest => ({ resourceSpans: [{ resource: { attributes: {} }, scopeSpans: [{ scope: { name: "", version: "" }, spans: [s] }] }] });

  it.each([
    { case: "start and end", start: 1_795_860_000_000_000_000n, end: 1_795_860_000_250_400_000n, timestamp: "2026-11-28T10:00:00.250Z", latencyMs: 250 },
    { case: "no end", start: 1_795_860_000_000_000_000n, end: 0n, timestamp: "2026-11-28T10:00:00.000Z", latencyMs: undefined },
    { case: "no times", start: 0n, end: 0n, timestamp: undefined, latencyMs: undefined },
    { case: "end before start", start: 1_795_860_000_000_000_000n, end: 1_795_859_999_000_000_000n, timestamp: "2026-11-28T09:59:59.000Z", latencyMs: undefined },
    { case: "latency past the event limit", start: 1n, end: 1_795_860_000_000_000_000n, timestamp: "2026-11-28T10:00:00.000Z", latencyMs: undefined },
  ])("$case", ({ start, end, timestamp, latencyMs }) => {
    const [event] = spansToEvents(request(span(start, end))).events;
    expect(event.timestamp).toBe(timestamp);
    expect(event.latencyMs).toBe(latencyMs);
    expect(EventInput.safeParse(event).error).toBeUndefined();
  });

  it("rejects a GenAI span without ids", () => {
    const result = spansToEvents(request({ ...span(0n, 0n), traceId: "" }));
    expect(result.rejected).toEqual([{ index: 0, spanId: "b7ad6b7169203331", message: "span has no trace id or span id" }]);
  });

  it("counts a span that names itself as its parent (it is not its own aggregate)", () => {
    const self = span(1n, 2n);
    const result = spansToEvents(request({ ...self, parentSpanId: self.spanId }));
    expect(result.events.map((e) => e.id)).toEqual([`${self.traceId}:${self.spanId}`]);
  });

  it("reads the older token attribute when the current one is present but empty", () => {
    const attributes = { "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": null, "gen_ai.usage.prompt_tokens": 42 };
    const [event] = spansToEvents(request({ ...span(1n, 2n), attributes })).events;
    expect(event.usage).toMatchObject({ inputTokens: 42 });
  });
});
