// Deterministic demo traffic: a pure generator of usage events and business
// outcomes in time order, one hour at a time, so ten million events never
// sit in memory. The same options always give the same rows.
import { DEMO_FEATURES, DEMO_MODELS, RUNAWAY, type FeatureSpec, type OutcomeSpec } from "./demo-catalog";
import { cumulate, mulberry32, pickWeighted, randomInt, type Random } from "./prng";
import type { GeneratedItem } from "./rows";
import { CallSynthesizer } from "./synthesize-call";
import { DAY_MS, HOUR_MS, planHours } from "./time-plan";

export type GenerateOptions = {
  /** Exact number of usage events, the runaway trace included. */
  events: number;
  days: number;
  /** Exclusive end of the period; every timestamp is before it. */
  end: Date;
  seed: number;
  /** Event ids are `${idPrefix}-${n}`, outcomes `${idPrefix}-o${n}`, traces `${idPrefix}-t${n}`. */
  idPrefix: string;
};

type Pending = { ts: number; seq: number; item: GeneratedItem };
/** The current hour: `at` clamps a timestamp into it, `push` queues an item. */
type Hour = { at: (ts: number) => number; push: (item: GeneratedItem) => void };

// a feature's weight is its share of calls; an agent run makes several
const featureWeights = cumulate(DEMO_FEATURES.map((f) => (f.steps ? (2 * f.weight) / (f.steps[0] + f.steps[1]) : f.weight)));
const modelWeights = DEMO_FEATURES.map((f) => cumulate(f.models.map(([, w]) => w)));
const runawayIndex = DEMO_FEATURES.findIndex((f) => f.slug === RUNAWAY.feature);

/** The runaway trace: a twentieth of the volume, at most RUNAWAY.maxSteps steps (hundreds from 4,000 events on). */
function planRunaway(events: number, startMs: number, endMs: number) {
  const steps = Math.min(RUNAWAY.maxSteps, Math.floor(events / 20));
  const gapMs = Math.min(18_000, Math.floor((endMs - startMs) / (steps + 2)));
  const duration = steps * gapMs;
  let firstMs = Math.floor((endMs - RUNAWAY.daysBeforeEnd * DAY_MS) / DAY_MS) * DAY_MS + 13 * HOUR_MS;
  if (firstMs < startMs || firstMs + duration >= endMs) firstMs = startMs + Math.floor((endMs - startMs - duration) / 2);
  // jitter below one gap keeps the steps in order
  const at = (step: number) => firstMs + step * gapMs + Math.floor(((step * 0.6180339887) % 1) * gapMs * 0.5);
  return { steps, at };
}

export function* generateUsage(options: GenerateOptions): Generator<GeneratedItem> {
  const { events, days, end, seed, idPrefix } = options;
  if (!Number.isSafeInteger(events) || events < 0) throw new RangeError("events must be a non-negative integer");
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError("days must be a positive integer");
  const random = mulberry32(seed);
  const synth = new CallSynthesizer(random, Math.imul(seed, 0x9e3779b1) >>> 0);
  const endMs = end.getTime();
  const startMs = endMs - days * DAY_MS;
  const runaway = planRunaway(events, startMs, endMs);
  const { quotas } = planHours(events - runaway.steps, days, endMs);
  const runawayTrace = `${idPrefix}-t0`;
  let traceNo = 1;
  let runawayStep = 0;
  let eventNo = 0;
  let outcomeNo = 0;

  for (let slot = 0; slot < quotas.length; slot++) {
    const slotStart = startMs + slot * HOUR_MS;
    const slotEnd = slotStart + HOUR_MS;
    const pending: Pending[] = [];
    const hour: Hour = {
      at: (ts) => Math.min(ts, slotEnd - 1),
      push: (item) => pending.push({ ts: item.row.ts.getTime(), seq: pending.length, item }),
    };

    let quota = quotas[slot];
    while (quota > 0) {
      const index = pickWeighted(random, featureWeights);
      const feature = DEMO_FEATURES[index];
      const steps = feature.steps ? Math.min(quota, randomInt(random, ...feature.steps)) : 1;
      const traceId = feature.steps ? `${idPrefix}-t${traceNo++}` : null;
      quota -= steps;
      emitRun(random, synth, index, traceId, steps, slotStart + Math.floor(random() * HOUR_MS), hour);
    }
    for (; runawayStep < runaway.steps && runaway.at(runawayStep) < slotEnd; runawayStep++) {
      const row = synth.runawayStep(DEMO_FEATURES[runawayIndex], runawayIndex, runawayStep, runawayTrace, runaway.at(runawayStep));
      hour.push({ type: "event", row });
    }

    pending.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
    for (const { item } of pending) {
      item.row.id = item.type === "event" ? `${idPrefix}-${eventNo++}` : `${idPrefix}-o${outcomeNo++}`;
      yield item;
    }
  }
}

/** One single call or one agent trace, with the outcomes it earns. */
function emitRun(random: Random, synth: CallSynthesizer, index: number, traceId: string | null, steps: number, firstMs: number, hour: Hour): void {
  const feature: FeatureSpec = DEMO_FEATURES[index];
  const model = DEMO_MODELS[feature.models[pickWeighted(random, modelWeights[index])][0]];
  const who = synth.attribution(feature, traceId);
  const outcome = feature.outcome;
  let ts = firstMs;
  let succeeded = false;
  for (let step = 0; step < steps; step++) {
    const row = synth.call(feature, index, model, who, step, hour.at(ts));
    hour.push({ type: "event", row });
    succeeded = row.status === "success";
    if (outcome?.per === "event" && succeeded && random() < outcome.probability) {
      hour.push(outcomeOf(feature, outcome, null, hour.at(ts + randomInt(random, 1_000, 120_000))));
    }
    ts += row.latencyMs + randomInt(random, 300, 3_000);
  }
  if (outcome?.per === "trace" && succeeded && random() < outcome.probability) {
    hour.push(outcomeOf(feature, outcome, traceId, hour.at(ts + randomInt(random, 1_000, 60_000))));
  }
}

function outcomeOf(feature: FeatureSpec, { kind, valueUsd }: OutcomeSpec, traceId: string | null, ts: number): GeneratedItem {
  return { type: "outcome", row: { id: "", ts: new Date(ts), team: feature.team, feature: feature.slug, traceId, kind, valueUsd, count: 1 } };
}
