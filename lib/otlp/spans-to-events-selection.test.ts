// Which spans become events, are ignored or rejected.
import { SpanKind } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { decodeExportTraceRequest } from "@/lib/otlp/decode-export-trace-request";
import { type SpanSpec, eventsOf, idOf, recordSpans, serialize } from "@/tests/otlp-payloads";
import { spansToEvents } from "./spans-to-events";

describe("spansToEvents: which spans count", () => {
  it("ignores spans without GenAI attributes", async () => {
    const { result } = await eventsOf([
      { name: "GET /answer", attributes: { "http.request.method": "GET" } },
      { name: "SELECT", attributes: { "db.system.name": "postgresql" } },
      { attributes: { "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 3 } },
    ]);
    expect(result.events).toHaveLength(1);
    expect(result.ignored).toBe(2);
    expect(result.rejected).toEqual([]);
  });

  it("ignores a GenAI span with GenAI descendants (agent run, SDK wrapper), so each model call counts once", async () => {
    const call = (tokens: number): SpanSpec => ({ name: "chat", attributes: { "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": tokens } });
    const { spans, result } = await eventsOf([
      {
        name: "invoke_agent planner",
        attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 30 },
        children: [call(10), { name: "execute_tool search", attributes: { "gen_ai.tool.name": "search" }, children: [call(20)] }],
      },
    ]);
    const calls = spans.filter((s) => s.name === "chat").map(idOf);
    expect(result.events.map((e) => e.id)).toEqual(calls);
    expect(result.ignored).toBe(2);
  });

  it("counts a call to a remote agent (invoke_agent of kind CLIENT): its model calls are seen only in its usage", async () => {
    const remote = { name: "invoke_agent travel", kind: SpanKind.CLIENT, attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 900 } };
    const alone = await eventsOf([remote]);
    expect(alone.result.events.map((e) => e.id)).toEqual([idOf(alone.spans[0])]);
    expect(alone.result.events[0].usage).toMatchObject({ inputTokens: 900 });
    // the same span over a model call of its own in the request is an aggregate all the same
    const withCall = await eventsOf([{ ...remote, children: [{ name: "chat", attributes: { "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 900 } }] }]);
    expect(withCall.result.events.map((e) => e.id)).toEqual([idOf(withCall.spans[0])]);
    expect(withCall.spans[0].name).toBe("chat");
    // an in-process agent run (kind INTERNAL) stays an aggregate, whatever request its calls come in
    expect((await eventsOf([{ ...remote, kind: SpanKind.INTERNAL }])).result.events).toEqual([]);
  });

  it.each([
    {
      case: "an agent run",
      parent: { name: "invoke_agent planner", attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 30 } },
      child: { name: "chat gpt-4o", attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 30 } },
    },
    {
      case: "the Vercel AI SDK's generateText",
      parent: { name: "ai.generateText", attributes: { "ai.operationId": "ai.generateText", "ai.model.id": "gpt-4o", "gen_ai.usage.input_tokens": 30 } },
      child: { name: "ai.generateText.doGenerate", attributes: { "ai.operationId": "ai.generateText.doGenerate", "ai.model.id": "gpt-4o", "gen_ai.system": "openai.chat", "gen_ai.usage.input_tokens": 30 } },
    },
  ])("counts a model call once when $case comes in a later export than the call", async ({ parent, child }) => {
    // the SDK ends (and a batch exporter sends) the child first: here in a request of its own
    const spans = await recordSpans([{ ...parent, children: [child] }]);
    const [first, second] = spans.map((span) => spansToEvents(decodeExportTraceRequest(serialize([span]).protobuf, "application/x-protobuf")));
    expect(first.events.map((e) => e.id)).toEqual([idOf(spans[0])]);
    expect(spans[0].name).toBe(child.name);
    expect(second).toEqual({ events: [], ignored: 1, rejected: [] });
  });

  it("counts the Vercel AI SDK's model call (ai.generateText.doGenerate) sent alone", async () => {
    const { result } = await eventsOf([{ name: "ai.generateText.doGenerate", attributes: { "ai.operationId": "ai.generateText.doGenerate", "ai.model.id": "gpt-4o", "gen_ai.usage.input_tokens": 3 } }]);
    expect(result.events).toHaveLength(1);
  });

  it.each([
    { case: "no model", attributes: { "gen_ai.provider.name": "openai", "gen_ai.usage.input_tokens": 10 }, message: /has no model/ },
    { case: "negative tokens", attributes: { "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": -5 }, message: /gen_ai.usage.input_tokens must be a non-negative whole number, got -5/ },
    { case: "fractional tokens", attributes: { "gen_ai.request.model": "gpt-4o", "gen_ai.usage.output_tokens": 1.5 }, message: /gen_ai.usage.output_tokens/ },
    { case: "text tokens", attributes: { "gen_ai.request.model": "gpt-4o", "gen_ai.usage.prompt_tokens": "many" }, message: /gen_ai.usage.prompt_tokens/ },
  ])("rejects a GenAI span with $case", async ({ attributes, message }) => {
    const { spans, result } = await eventsOf([{ name: "GET /", attributes: { "http.route": "/" } }, { attributes }]);
    expect(result.events).toEqual([]);
    expect(result.ignored).toBe(1);
    expect(result.rejected).toEqual([{ index: 1, spanId: spans[1].spanContext().spanId, message: expect.stringMatching(message) }]);
  });

  it("accepts token counts sent as digit strings", async () => {
    const { result } = await eventsOf([{ attributes: { "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": "12" } }]);
    expect(result.events[0].usage).toMatchObject({ inputTokens: 12 });
  });
});
