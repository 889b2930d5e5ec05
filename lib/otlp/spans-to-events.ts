// Maps decoded OTLP spans to raw usage events of POST /api/v1/events
// (API.md), to be validated by EventInput like any other event.
//
// Which spans count:
// - A GenAI span carries a model attribute (gen_ai.response.model,
//   gen_ai.request.model, ai.model.id) or a usage attribute
//   (gen_ai.usage.*, current or older names). Other spans are ignored.
// - Aggregates (an agent run, a framework's wrapper around the model call)
//   are ignored, so that one model call is counted once. An exporter may send
//   a parent in a later request than its children, so aggregates are known
//   first by what they are: gen_ai.operation.name invoke_agent, create_agent
//   or invoke_workflow (but not invoke_agent of kind CLIENT: a call to a
//   remote agent, whose model calls run, and are counted, only in its usage
//   attributes), and the Vercel AI SDK's ai.generateText (streamText,
//   generateObject, streamObject, embed, embedMany) around its model call
//   ai.generateText.doGenerate (doStream, doEmbed). Any other GenAI span with
//   a GenAI descendant in the same request is an aggregate too.
// - A GenAI span that cannot make an event (no model, unusable token counts,
//   no ids) is rejected with a message. `index` counts spans in request order
//   across all resourceSpans and scopeSpans.
//
// Fields: id `traceId:spanId`; traceId; timestamp = end time, else start
// time (ms precision); latencyMs = end - start; status error when the span
// status is ERROR; model, provider, usage and costUsd per genai-attributes;
// team = finops.team, feature = finops.feature, else the resource's
// service.name as a slug; customerId = finops.customer_id; userId =
// finops.user_id, user.id or enduser.id; promptHash = finops.prompt_hash.
// These finops and user attributes are read on the span, then on the
// resource, and passed as they are (EventInput judges them). team is left
// out when neither has one: the caller applies the API key's team.
// metadata: the string attributes named by `metadataKeys`.
import type { ExportTraceRequest, OtlpAttributes, OtlpSpan } from "./decode-export-trace-request";
import { SPAN_KIND_CLIENT, STATUS_CODE_ERROR } from "./decode-export-trace-request";
import { UnusableSpanError, MODEL_KEYS, USAGE_KEYS, firstString, hasAny, readCost, readModel, readProvider, readUsage } from "./genai-attributes";

/** gen_ai.operation.name of spans around model calls rather than of one. */
const AGGREGATE_OPERATIONS = new Set(["invoke_agent", "create_agent", "invoke_workflow"]);
/** The Vercel AI SDK's outer operations (ai.operationId, also the span name); their `.do…` children are the model calls. */
const AI_SDK_WRAPPER = /^ai\.(?:generateText|streamText|generateObject|streamObject|embed|embedMany)$/;

/** String attributes copied into the event's metadata, under the same key. */
const DEFAULT_METADATA_KEYS = [
  "gen_ai.operation.name",
  "gen_ai.agent.name",
  "gen_ai.agent.id",
  "gen_ai.conversation.id",
  "gen_ai.request.model",
  "gen_ai.response.id",
  "server.address",
];

export type SpansToEventsOptions = { metadataKeys?: readonly string[] };
export type RejectedSpan = { index: number; spanId: string; message: string };
export type SpansToEventsResult = { events: Array<Record<string, unknown>>; ignored: number; rejected: RejectedSpan[] };

type LocatedSpan = { span: OtlpSpan; resource: OtlpAttributes; index: number };

const NANOS_PER_MS = 1_000_000n;
const MAX_LATENCY_MS = 2_147_483_647;
const MAX_METADATA_KEYS = 50;
const MAX_METADATA_VALUE = 1024;

export function spansToEvents(request: ExportTraceRequest, options: SpansToEventsOptions = {}): SpansToEventsResult {
  let index = 0;
  const spans: LocatedSpan[] = request.resourceSpans.flatMap((rs) =>
    rs.scopeSpans.flatMap((ss) => ss.spans.map((span) => ({ span, resource: rs.resource.attributes, index: index++ }))),
  );
  const genAi = spans.filter(({ span }) => hasAny(span.attributes, MODEL_KEYS) || hasAny(span.attributes, USAGE_KEYS));
  const ancestors = ancestorsOf(genAi, spans);
  const result: SpansToEventsResult = { events: [], ignored: spans.length - genAi.length, rejected: [] };
  for (const located of genAi) {
    if (isAggregate(located.span) || ancestors.has(key(located.span.traceId, located.span.spanId))) {
      result.ignored++;
      continue;
    }
    try {
      result.events.push(toEvent(located, options.metadataKeys ?? DEFAULT_METADATA_KEYS));
    } catch (error) {
      if (!(error instanceof UnusableSpanError)) throw error;
      result.rejected.push({ index: located.index, spanId: located.span.spanId, message: error.message });
    }
  }
  return result;
}

const key = (traceId: string, spanId: string) => `${traceId}:${spanId}`;

/** Whether the span is an aggregate by what it is, whichever request its children come in. */
function isAggregate(span: OtlpSpan): boolean {
  const operation = firstString(span.attributes, ["gen_ai.operation.name"]);
  if (operation === "invoke_agent" && span.kind === SPAN_KIND_CLIENT) return false;
  if (operation !== undefined && AGGREGATE_OPERATIONS.has(operation)) return true;
  return AI_SDK_WRAPPER.test(firstString(span.attributes, ["ai.operationId"]) ?? span.name);
}

/** Keys of every span of the request that is an ancestor of one of `descendants`. */
function ancestorsOf(descendants: LocatedSpan[], all: LocatedSpan[]): Set<string> {
  const parents = new Map(all.map(({ span }) => [key(span.traceId, span.spanId), span.parentSpanId]));
  const ancestors = new Set<string>();
  for (const { span } of descendants) {
    // a span naming itself as its parent is not its own ancestor
    let parent = span.parentSpanId && span.parentSpanId !== span.spanId ? key(span.traceId, span.parentSpanId) : "";
    while (parent && parents.has(parent) && !ancestors.has(parent)) {
      ancestors.add(parent);
      const grandParent = parents.get(parent);
      parent = grandParent ? key(span.traceId, grandParent) : "";
    }
  }
  return ancestors;
}

function toEvent({ span, resource }: LocatedSpan, metadataKeys: readonly string[]): Record<string, unknown> {
  const attrs = span.attributes;
  if (!span.traceId || !span.spanId) throw new UnusableSpanError("span has no trace id or span id");
  const model = readModel(attrs);
  if (!model) throw new UnusableSpanError(`GenAI span '${span.name}' has no model (${MODEL_KEYS.join(", ")})`);
  const fromSpanOrResource = (keys: string[]) => firstString(attrs, keys) ?? firstString(resource, keys);
  const { startTimeUnixNano: start, endTimeUnixNano: end } = span;
  const latencyMs = start > 0n && end >= start ? Number((end - start + NANOS_PER_MS / 2n) / NANOS_PER_MS) : undefined;
  const event: Record<string, unknown> = {
    id: key(span.traceId, span.spanId),
    traceId: span.traceId,
    timestamp: end > 0n ? isoFromNanos(end) : start > 0n ? isoFromNanos(start) : undefined,
    team: fromSpanOrResource(["finops.team"]),
    feature: fromSpanOrResource(["finops.feature"]) ?? featureFromServiceName(resource),
    provider: readProvider(attrs),
    model,
    usage: readUsage(attrs),
    costUsd: readCost(attrs),
    latencyMs: latencyMs !== undefined && latencyMs <= MAX_LATENCY_MS ? latencyMs : undefined,
    status: span.status.code === STATUS_CODE_ERROR ? "error" : "success",
    customerId: fromSpanOrResource(["finops.customer_id"]),
    userId: fromSpanOrResource(["finops.user_id", "user.id", "enduser.id"]),
    promptHash: fromSpanOrResource(["finops.prompt_hash"]),
    metadata: metadataOf(attrs, metadataKeys),
  };
  return Object.fromEntries(Object.entries(event).filter(([, value]) => value !== undefined));
}

/** Milliseconds precision; fixed64 nanoseconds always fall within the Date range. */
const isoFromNanos = (nanos: bigint) => new Date(Number(nanos / NANOS_PER_MS)).toISOString();

/** service.name as a Slug (lower case, [a-z0-9._-], at most 64, starting with a letter or digit). The SDK's `unknown_service…` default means no name. */
function featureFromServiceName(resource: OtlpAttributes): string | undefined {
  const name = firstString(resource, ["service.name"]);
  if (!name || name.startsWith("unknown_service")) return undefined;
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .slice(0, 64)
    .replace(/-+$/, "");
  return slug || undefined;
}

function metadataOf(attrs: OtlpAttributes, keys: readonly string[]): Record<string, string> | undefined {
  const entries = keys
    .map((k) => [k, firstString(attrs, [k])] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
    .slice(0, MAX_METADATA_KEYS)
    .map(([k, value]) => [k, value.slice(0, MAX_METADATA_VALUE)]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
