// The official OpenTelemetry JS exporter sends GenAI spans to the real endpoint.
import { SpanStatusCode } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { pool } from "@/lib/db";
import { RpcStatus } from "@/lib/otlp/rpc-status-proto";
import { makeOrg } from "@/tests/factories";
import { startMachineServer } from "@/tests/machine-server";

let server: Awaited<ReturnType<typeof startMachineServer>>;
beforeAll(async () => {
  server = await startMachineServer();
});
afterAll(() => server.close());

async function exportSpans(key: string, compression: "gzip" | "none") {
  const exporter = new OTLPTraceExporter({ url: `${server.url}/api/otlp/v1/traces`, headers: { authorization: `Bearer ${key}` }, compression: compression as never });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": "support-bot", "finops.team": "alpha" }),
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  const tracer = provider.getTracer("test");
  const chat = tracer.startSpan("chat gpt-4o", {
    attributes: { "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o", "gen_ai.response.model": "gpt-4o-2024-08-06", "gen_ai.usage.input_tokens": 2000, "gen_ai.usage.output_tokens": 500, "gen_ai.usage.cache_read.input_tokens": 1000 },
  });
  chat.end();
  const old = tracer.startSpan("anthropic call", {
    attributes: { "gen_ai.system": "anthropic", "gen_ai.request.model": "claude-3-5-haiku-20241022", "gen_ai.usage.prompt_tokens": 300, "gen_ai.usage.completion_tokens": 20, "finops.feature": "triage" },
  });
  old.setStatus({ code: SpanStatusCode.ERROR });
  old.end();
  tracer.startSpan("GET /health").end();
  await provider.forceFlush();
  await provider.shutdown();
  return { traceIds: [chat.spanContext().traceId, old.spanContext().traceId] };
}

describe("POST /api/otlp/v1/traces", () => {
  it.each(["gzip", "none"] as const)("stores GenAI spans exported by the official SDK exporter (compression %s)", async (compression) => {
    const { org } = await makeOrg();
    const { secret } = await createApiKey({ orgId: org.id, name: "otel", scopes: ["ingest"] });
    const { traceIds } = await exportSpans(secret, compression);
    const { rows } = await pool().query(
      `SELECT e.event_id, e.trace_id, t.slug AS team, e.feature, e.provider, e.model, e.priced_model, e.input_tokens, e.output_tokens,
              e.cached_input_tokens, e.status, e.cost_usd::text AS cost
         FROM usage_events e JOIN teams t ON t.org_id = e.org_id AND t.id = e.team_id WHERE e.org_id = $1 ORDER BY e.provider`,
      [org.id],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ team: "alpha", feature: "triage", provider: "anthropic", priced_model: "claude-3-5-haiku-latest", input_tokens: 300, output_tokens: 20, status: "error", trace_id: traceIds[1] });
    expect(rows[1]).toMatchObject({ team: "alpha", feature: "support-bot", provider: "openai", model: "gpt-4o-2024-08-06", input_tokens: 2000, cached_input_tokens: 1000, status: "success", cost: "0.008750000", trace_id: traceIds[0] });
    expect(rows[1].event_id).toMatch(new RegExp(`^${traceIds[0]}:[0-9a-f]{16}$`));
  });

  it("answers partialSuccess for spans it refuses, and 401/400/415 per OTLP", async () => {
    const { org } = await makeOrg();
    const { secret } = await createApiKey({ orgId: org.id, name: "otel", scopes: ["ingest"] });
    const post = (body: string, contentType = "application/json", key = secret) =>
      fetch(`${server.url}/api/otlp/v1/traces`, { method: "POST", headers: { "content-type": contentType, authorization: `Bearer ${key}` }, body });
    const span = (attributes: { key: string; value: { stringValue?: string; intValue?: number } }[]) => ({
      traceId: "5b8efff798038103d269b633813fc60c", spanId: "eee19b7ec3c1b174", name: "chat", startTimeUnixNano: "1795860000000000000", endTimeUnixNano: "1795860001000000000", attributes,
    });
    const body = JSON.stringify({
      resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans: [span([{ key: "gen_ai.request.model", value: { stringValue: "gpt-4o" } }, { key: "gen_ai.usage.input_tokens", value: { intValue: 5 } }])] }] }],
    });
    const res = await post(body);
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(Number(answer.partialSuccess.rejectedSpans)).toBe(1); // int64: a string in OTLP JSON
    expect(answer.partialSuccess.errorMessage).toMatch(/team/);
    expect((await post("{bad json")).status).toBe(400);
    expect((await post("{}", "text/plain")).status).toBe(415);
    expect((await post("{}", "application/json", "fo_nope")).status).toBe(401);
  });

  it("refuses an export of more GenAI spans than an events request may hold (413), and cuts long error messages", async () => {
    const { org } = await makeOrg();
    const { secret } = await createApiKey({ orgId: org.id, name: "otel", scopes: ["ingest"] });
    const post = (spans: unknown[]) =>
      fetch(`${server.url}/api/otlp/v1/traces`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: JSON.stringify({ resourceSpans: [{ resource: { attributes: [{ key: "finops.team", value: { stringValue: "alpha" } }] }, scopeSpans: [{ spans }] }] }),
      });
    const span = (i: number, tokens: string) => ({
      traceId: "5b8efff798038103d269b633813fc60c", spanId: i.toString(16).padStart(16, "0"), name: "chat", startTimeUnixNano: "1795860000000000000", endTimeUnixNano: "1795860001000000000",
      attributes: [{ key: "gen_ai.request.model", value: { stringValue: "gpt-4o" } }, { key: "gen_ai.usage.input_tokens", value: { stringValue: tokens } }],
    });
    const tooMany = await post(Array.from({ length: 5001 }, (_, i) => span(i + 1, "5")));
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).message).toMatch(/5000 GenAI spans/);
    expect((await pool().query("SELECT count(*)::int AS n FROM usage_events WHERE org_id = $1", [org.id])).rows[0].n).toBe(0);

    // 100,000 characters of a bad token count, quoted in the message: cut to a few hundred
    const long = await post([span(1, `${"9".repeat(100_000)}x`), span(2, "7")]);
    expect(long.status).toBe(200);
    const answer = await long.json();
    expect(Number(answer.partialSuccess.rejectedSpans)).toBe(1);
    expect(answer.partialSuccess.errorMessage.length).toBeLessThanOrEqual(300);
    expect((await pool().query("SELECT count(*)::int AS n FROM usage_events WHERE org_id = $1", [org.id])).rows[0].n).toBe(1);
  });

  it("answers errors as OTLP requires: a google.rpc.Status in the request's encoding, with the HTTP status kept", async () => {
    const { org } = await makeOrg();
    const { secret } = await createApiKey({ orgId: org.id, name: "otel", scopes: ["ingest"] });
    const post = (body: Uint8Array<ArrayBuffer> | string, contentType: string, key = secret) =>
      fetch(`${server.url}/api/otlp/v1/traces`, { method: "POST", headers: { "content-type": contentType, authorization: `Bearer ${key}` }, body });
    const statusOf = async (res: Response) => {
      expect(res.headers.get("content-type")).toBe("application/x-protobuf");
      return RpcStatus.toObject(RpcStatus.decode(new Uint8Array(await res.arrayBuffer())));
    };
    // an empty (valid) export: the key decides
    const badKey = await post(new Uint8Array(), "application/x-protobuf", "fo_nope");
    expect(badKey.status).toBe(401);
    expect(await statusOf(badKey)).toEqual({ code: 16, message: expect.stringMatching(/key/i) });
    // field 1 (resource_spans) announcing 127 bytes that never come
    const malformed = await post(new Uint8Array([0x0a, 0x7f, 0x01]), "application/x-protobuf");
    expect(malformed.status).toBe(400);
    expect(await statusOf(malformed)).toEqual({ code: 3, message: expect.any(String) });
    const badJson = await post("{bad json", "application/json");
    expect(badJson.status).toBe(400);
    expect(badJson.headers.get("content-type")).toBe("application/json");
    expect(await badJson.json()).toEqual({ code: 3, message: expect.any(String) });
  });
});
