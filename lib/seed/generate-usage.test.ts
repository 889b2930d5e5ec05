import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { costOfUsage } from "@/lib/pricing/cost-of-usage";
import { PriceBook } from "@/lib/pricing/price-book";
import { DEMO_FEATURES, DEMO_MODELS, RUNAWAY } from "./demo-catalog";
import { generateUsage, type GenerateOptions } from "./generate-usage";
import type { OutcomeRow, UsageRow } from "./rows";
import { DAY_MS, isWeekend } from "./time-plan";

const END = new Date("2026-11-28T00:00:00Z");
const book = PriceBook.fromCatalogFile();

function run(overrides: Partial<GenerateOptions> = {}) {
  const events: UsageRow[] = [];
  const outcomes: OutcomeRow[] = [];
  for (const item of generateUsage({ events: 20_000, days: 90, end: END, seed: 7, idPrefix: "t", ...overrides })) {
    if (item.type === "event") events.push(item.row);
    else outcomes.push(item.row);
  }
  return { events, outcomes };
}

const sample = run();

function fingerprint(options: Partial<GenerateOptions>): string {
  const hash = createHash("sha256");
  for (const item of generateUsage({ events: 5_000, days: 30, end: END, seed: 1, idPrefix: "f", ...options })) {
    hash.update(JSON.stringify(item));
  }
  return hash.digest("hex");
}

function costOf(row: UsageRow): bigint {
  const price = book.resolve({ provider: row.provider, model: row.model, at: row.ts });
  if (!price) throw new Error(`${row.provider}/${row.model} is unpriced`);
  return row.cacheHit ? 0n : costOfUsage(row.usage, price);
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(row);
  }
  return groups;
}

describe("generateUsage", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(fingerprint({})).toBe(fingerprint({}));
    expect(fingerprint({ seed: 2 })).not.toBe(fingerprint({}));
  });

  it.each([0, 1, 999, 20_000, 123_457])("yields exactly %i events, in time order, inside the period", (n) => {
    const { events, outcomes } = n === 20_000 ? sample : run({ events: n });
    expect(events).toHaveLength(n);
    expect(new Set(events.map((e) => e.id)).size).toBe(n);
    const times = [...events, ...outcomes].map((r) => r.ts.getTime()).sort((a, b) => a - b);
    if (n > 0) {
      expect(times[0]).toBeGreaterThanOrEqual(END.getTime() - 90 * DAY_MS);
      expect(times[times.length - 1]).toBeLessThan(END.getTime());
    }
  });

  it("yields items in non-decreasing time order", () => {
    let previous = 0;
    for (const item of generateUsage({ events: 20_000, days: 90, end: END, seed: 3, idPrefix: "o" })) {
      expect(item.row.ts.getTime()).toBeGreaterThanOrEqual(previous);
      previous = item.row.ts.getTime();
    }
  });

  it("runs weekends at about a third of weekdays and grows over the period", () => {
    const perDay = groupBy(sample.events, (e) => e.ts.toISOString().slice(0, 10));
    const average = (weekend: boolean) => {
      const days = [...perDay].filter(([day]) => isWeekend(Date.parse(day)) === weekend);
      return days.reduce((sum, [, rows]) => sum + rows.length, 0) / days.length;
    };
    const ratio = average(true) / average(false);
    expect(ratio).toBeGreaterThan(0.25);
    expect(ratio).toBeLessThan(0.45);
    const inMonth = (from: number) => sample.events.filter((e) => e.ts.getTime() >= END.getTime() - from * DAY_MS && e.ts.getTime() < END.getTime() - (from - 30) * DAY_MS).length;
    expect(inMonth(30) / inMonth(90)).toBeGreaterThan(1.15);
    expect(inMonth(30) / inMonth(90)).toBeLessThan(1.5);
  });

  it("has one runaway trace of hundreds of steps on one feature, on one day 9-12 days before the end", () => {
    const traces = [...groupBy(sample.events.filter((e) => e.traceId), (e) => e.traceId!).values()];
    traces.sort((a, b) => b.length - a.length);
    const [runaway, next] = traces;
    expect(runaway.length).toBeGreaterThanOrEqual(300);
    expect(next.length).toBeLessThan(20);
    expect(new Set(runaway.map((e) => e.feature))).toEqual(new Set([RUNAWAY.feature]));
    const days = new Set(runaway.map((e) => Math.floor((END.getTime() - e.ts.getTime()) / DAY_MS)));
    expect(days.size).toBe(1);
    expect([...days][0]).toBeGreaterThanOrEqual(8);
    expect([...days][0]).toBeLessThanOrEqual(12);
    const traceCost = (rows: UsageRow[]) => rows.reduce((sum, e) => sum + costOf(e), 0n);
    const costs = traces.slice(1).map(traceCost).sort((a, b) => (b > a ? 1 : -1));
    expect(traceCost(runaway)).toBeGreaterThan(costs[0] * 20n);
  });

  it("runs routine short-output classification on a frontier model", () => {
    const triage = sample.events.filter((e) => e.feature === "ticket-triage" && e.status === "success");
    const onOpus = triage.filter((e) => e.model === DEMO_MODELS["claude-opus-4-1"].model);
    expect(onOpus.length / triage.length).toBeGreaterThan(0.8);
    const outputs = triage.map((e) => e.usage.outputTokens).sort((a, b) => a - b);
    expect(outputs[Math.floor(outputs.length / 2)]).toBeLessThanOrEqual(20);
    const opus = book.resolve({ provider: "anthropic", model: "claude-opus-4-1", at: END })!;
    expect(opus.outputPerMTok).toBeGreaterThanOrEqual(50_000_000_000n);
  });

  it("repeats prompts in one feature about a third of the time and rarely elsewhere", () => {
    for (const [feature, rows] of groupBy(sample.events, (e) => e.feature)) {
      const rate = 1 - new Set(rows.map((e) => e.promptHash)).size / rows.length;
      if (feature === "reply-drafts") {
        expect(rate).toBeGreaterThan(0.3);
        expect(rate).toBeLessThan(0.4);
      } else {
        expect(rate, feature).toBeLessThan(0.1);
      }
    }
  });

  it("has app cache hits, provider prompt caching, reasoning, errors, customers and consistent usage", () => {
    const count = (test: (e: UsageRow) => boolean) => sample.events.filter(test).length / sample.events.length;
    expect(count((e) => e.cacheHit)).toBeGreaterThan(0.01);
    expect(count((e) => e.usage.cachedInputTokens > 0)).toBeGreaterThan(0.1);
    expect(count((e) => e.usage.cacheWriteTokens > 0)).toBeGreaterThan(0.01);
    expect(count((e) => e.usage.reasoningTokens > 0)).toBeGreaterThan(0.01);
    expect(count((e) => e.status === "error")).toBeGreaterThan(0.005);
    expect(count((e) => e.status === "error")).toBeLessThan(0.05);
    expect(count((e) => e.customerId !== null)).toBeGreaterThan(0.3);
    for (const { usage: u } of sample.events) {
      expect(u.cachedInputTokens + u.cacheWriteTokens).toBeLessThanOrEqual(u.inputTokens);
      expect(u.reasoningTokens).toBeLessThanOrEqual(u.outputTokens);
    }
  });

  it("earns outcomes by trace and by team and feature, with a different ROI per feature", () => {
    const traces = new Set(sample.events.map((e) => e.traceId));
    const byTrace = sample.outcomes.filter((o) => o.traceId);
    expect(byTrace.length).toBeGreaterThan(100);
    expect(byTrace.every((o) => traces.has(o.traceId))).toBe(true);
    expect(sample.outcomes.filter((o) => !o.traceId).length).toBeGreaterThan(100);
    const roi = (feature: string) => {
      const value = sample.outcomes.filter((o) => o.feature === feature).reduce((sum, o) => sum + Number(o.valueUsd), 0);
      const cost = sample.events.filter((e) => e.feature === feature).reduce((sum, e) => sum + costOf(e), 0n);
      return value / (Number(cost) / 1e9);
    };
    const rois = ["support-agent", "reply-drafts", "contract-review", "lead-scoring"].map(roi);
    expect(new Set(rois.map((r) => Math.round(Math.log10(r)))).size).toBeGreaterThan(1);
    expect(roi("ticket-triage")).toBe(0);
  });

  it("names only models that resolve in the shipped price catalog", () => {
    for (const at of [new Date(END.getTime() - 90 * DAY_MS), END]) {
      for (const { provider, model } of Object.values(DEMO_MODELS)) {
        expect(book.resolve({ provider, model, at }), `${provider}/${model}`).not.toBeNull();
      }
    }
    const used = new Set(DEMO_FEATURES.flatMap((f) => f.models.map(([key]) => key)));
    expect(used.size).toBeGreaterThanOrEqual(10);
    expect(new Set([...used].map((key) => DEMO_MODELS[key].provider)).size).toBeGreaterThanOrEqual(4);
  });
});
