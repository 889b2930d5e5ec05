// The machine endpoints' schemas run on zod's compiled fast path
// (`compiled` in common.ts). Its promise: the same answers as zod's ordinary
// parser, only sooner. Checked here on random inputs, valid and not, against
// the same schemas built without compilation.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import * as fast from "./events";
import * as fastBudgets from "./budgets";

async function uncompiled() {
  vi.resetModules();
  vi.doMock("./common", async (importOriginal) => ({ ...(await importOriginal<typeof import("./common")>()), compiled: <S>(schema: S) => schema }));
  const [events, budgets] = await Promise.all([import("./events"), import("./budgets")]);
  vi.doUnmock("./common");
  return { ...events, ...budgets };
}

function answer(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? { data: result.data } : { issues: result.error.issues.map((i) => ({ path: i.path, message: i.message, code: i.code })) };
}

/** Mostly well-formed values, sometimes not: both answers get compared. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
const big = mostly(fc.integer({ min: 1000, max: 2_147_483_647 }), fc.constantFrom(-1, 2_147_483_648, 1.5, Number.NaN, "12", null));
const small = mostly(fc.nat({ max: 400 }), fc.constantFrom(-1, 0.5, "3", null, 2_147_483_647));
const text = mostly(
  fc.constantFrom("chat", " Support ", "UPPER", "team_1.v-2", "gpt-4o-mini", "claude-sonnet-4"),
  fc.oneof(fc.constantFrom("", "a b", "x".repeat(65), "x".repeat(300), 7, null), fc.string({ maxLength: 12 })),
);
const amount = mostly(fc.constantFrom("0.000000001", "1.5", "0", 0.25, 3), fc.constantFrom("-1", "1e3", "0.0000000001", 1_000_001, "abc", "", null));
const usage = mostly(
  fc.oneof(
    fc.record({ inputTokens: big, outputTokens: big, cachedInputTokens: small, cacheWriteTokens: small, reasoningTokens: small, totalTokens: fc.option(big) }, { requiredKeys: [] }),
    fc.record(
      { prompt_tokens: big, completion_tokens: big, total_tokens: big, prompt_tokens_details: fc.option(fc.record({ cached_tokens: small })), completion_tokens_details: fc.option(fc.record({ reasoning_tokens: small, audio_tokens: small })) },
      { requiredKeys: [] },
    ),
    fc.record({ input_tokens: big, output_tokens: big, cache_read_input_tokens: fc.option(small), cache_creation_input_tokens: fc.option(small), service_tier: fc.option(text) }, { requiredKeys: [] }),
    fc.record({ input_tokens: big, output_tokens: big, input_tokens_details: fc.option(fc.record({ cached_tokens: small })), output_tokens_details: fc.option(fc.record({ reasoning_tokens: small })) }, { requiredKeys: [] }),
  ),
  fc.oneof(fc.constantFrom(null, 3, "usage", [] as unknown[], { inputTokens: 1, prompt_tokens: 2 }, { other: 1 }, { inputTokens: 5, cachedInputTokens: 9 })),
);
const event = fc.record(
  {
    id: text,
    timestamp: mostly(
      fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom("2026-11-28T10:00:00.123+02:00", "0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "yesterday", "2026-11-28", 0),
    ),
    team: text,
    feature: text,
    provider: text,
    model: text,
    usage,
    costUsd: amount,
    latencyMs: mostly(small, fc.constantFrom(-3, 2.5, "9")),
    status: mostly(fc.constantFrom("success", "error"), fc.constantFrom("ok", 1)),
    cacheHit: mostly(fc.boolean(), fc.constantFrom("true", 0)),
    traceId: text,
    reservationId: text,
    customerId: text,
    valueUsd: amount,
    metadata: mostly(fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }), fc.oneof(fc.dictionary(fc.string({ maxLength: 70 }), fc.nat()), fc.constantFrom(null, "m"))),
    unknownKey: fc.nat(),
  },
  { requiredKeys: ["id", "model"] },
);
const outcome = fc.record({ id: text, timestamp: mostly(fc.constant("2026-11-28T10:00:00Z"), fc.constant("soon")), team: text, feature: text, kind: text, valueUsd: amount, count: small }, { requiredKeys: ["id", "kind"] });
const policyCheck = fc.record(
  {
    team: text,
    feature: text,
    model: text,
    provider: text,
    estimate: mostly(fc.record({ inputTokens: small, outputTokens: small, cachedInputTokens: small }, { requiredKeys: [] }), fc.constant(null)),
    estimatedCostUsd: amount,
    traceId: text,
    reserve: mostly(fc.boolean(), fc.constant("yes")),
  },
  { requiredKeys: ["model"] },
);

describe("compiled schemas", () => {
  it.each([
    ["EventInput", event],
    ["OutcomeInput", outcome],
    ["PolicyCheckBody", policyCheck],
  ] as const)("%s answers as the uncompiled schema does", async (name, inputs) => {
    const plain = (await uncompiled())[name] as z.ZodType;
    const compiledSchema = { ...fast, ...fastBudgets }[name] as z.ZodType;
    expect(compiledSchema).not.toBe(plain);
    let valid = 0;
    fc.assert(
      fc.property(inputs as fc.Arbitrary<unknown>, (input) => {
        const expected = answer(plain, input);
        if ("data" in expected) valid++;
        expect(answer(compiledSchema, input)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
    // both kinds of answer were compared
    expect(valid).toBeGreaterThan(150);
    expect(valid).toBeLessThan(2850);
  });
});
