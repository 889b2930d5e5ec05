import { describe, expect, it, vi } from "vitest";
import { FinOpsClient } from "./finops-client";

function fakeFetch(responses: (Response | Error)[]) {
  const calls: { url: string; body: unknown }[] = [];
  const fn = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)) });
    const next = responses.shift() ?? new Response(JSON.stringify({ accepted: 0, duplicates: 0, rejected: [] }));
    if (next instanceof Error) throw next;
    return next;
  });
  return { fn: fn as unknown as typeof fetch, calls };
}

const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
const noSleep = async () => {};

describe("FinOpsClient", () => {
  it("batches records and gives each event an id and a timestamp", async () => {
    const { fn, calls } = fakeFetch([]);
    const client = new FinOpsClient({ baseUrl: "http://finops/", apiKey: "k", batchSize: 2, fetch: fn, sleep: noSleep });
    client.record({ model: "gpt-4o", team: "a" });
    client.record({ model: "gpt-4o", team: "a" });
    client.record({ id: "mine", model: "gpt-4o", team: "a" });
    await client.close();
    expect(calls.map((c) => c.url)).toEqual(["http://finops/api/v1/events", "http://finops/api/v1/events"]);
    const events = calls.flatMap((c) => (c.body as { events: { id: string; timestamp: string }[] }).events);
    expect(events).toHaveLength(3);
    expect(events[2].id).toBe("mine");
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    expect(events.every((e) => !Number.isNaN(Date.parse(e.timestamp)))).toBe(true);
  });

  it("retries 503 and network errors with the same ids, honouring Retry-After", async () => {
    const sleeps: number[] = [];
    const { fn, calls } = fakeFetch([
      new Response("{}", { status: 503, headers: { "retry-after": "5" } }),
      new Error("ECONNRESET"),
      ok({ accepted: 1, duplicates: 0, rejected: [] }),
    ]);
    const client = new FinOpsClient({ baseUrl: "http://finops", apiKey: "k", fetch: fn, sleep: async (ms) => void sleeps.push(ms) });
    client.record({ model: "gpt-4o" });
    await client.flush();
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => JSON.stringify(c.body))).size).toBe(1);
    expect(sleeps[0]).toBe(5000);
  });

  it("gives up on a 4xx at once and reports it", async () => {
    const onError = vi.fn();
    const { fn, calls } = fakeFetch([new Response('{"error":{}}', { status: 401 })]);
    const client = new FinOpsClient({ baseUrl: "http://finops", apiKey: "bad", fetch: fn, sleep: noSleep, onError });
    client.record({ model: "gpt-4o" });
    await client.flush();
    expect(calls).toHaveLength(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining("401") }), [expect.objectContaining({ model: "gpt-4o" })]);
  });

  it("answers a check from the server, or per failOpen when it cannot be reached", async () => {
    const answer = { decision: "deny", allowed: false, reason: "budget 'x'", model: "gpt-4o", estimatedCostUsd: "1.000000000", budgets: [] };
    const { fn } = fakeFetch([ok(answer), new Error("ECONNREFUSED"), new Error("ECONNREFUSED")]);
    const open = new FinOpsClient({ baseUrl: "http://finops", apiKey: "k", fetch: fn });
    expect(await open.check({ model: "gpt-4o" })).toEqual(answer);
    expect(await open.check({ model: "gpt-4o" })).toMatchObject({ allowed: true, degraded: true });
    const closed = new FinOpsClient({ baseUrl: "http://finops", apiKey: "k", fetch: fn, failOpen: false });
    expect(await closed.check({ model: "gpt-4o" })).toMatchObject({ allowed: false, degraded: true });
  });
});
