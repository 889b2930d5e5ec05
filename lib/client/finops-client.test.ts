import http from "node:http";
import type { AddressInfo } from "node:net";
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

  it("answers a check from the server, or per failOpen (default: deny) when it cannot be reached", async () => {
    const answer = { decision: "deny", allowed: false, reason: "budget 'x'", model: "gpt-4o", estimatedCostUsd: "1.000000000", budgets: [] };
    const { fn } = fakeFetch([ok(answer), new Error("ECONNREFUSED"), new Error("ECONNREFUSED")]);
    const closed = new FinOpsClient({ baseUrl: "http://finops", apiKey: "k", fetch: fn });
    expect(await closed.check({ model: "gpt-4o" })).toEqual(answer);
    expect(await closed.check({ model: "gpt-4o" })).toMatchObject({ allowed: false, decision: "deny", degraded: true });
    const open = new FinOpsClient({ baseUrl: "http://finops", apiKey: "k", fetch: fn, failOpen: true });
    expect(await open.check({ model: "gpt-4o" })).toMatchObject({ allowed: true, degraded: true });
  });
});

/** A policy endpoint on a local port answering each request with the next handler (the last one repeats). */
async function localServer(handlers: ((res: http.ServerResponse) => void)[]) {
  let requests = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => handlers[Math.min(requests++, handlers.length - 1)](res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const ALLOW = { decision: "allow", allowed: true, reason: "within budget", model: "gpt-4o", estimatedCostUsd: "0.010000000", budgets: [] };
const answerWith = (status: number, body: unknown, headers: Record<string, string> = {}) => (res: http.ServerResponse) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};
const RATE_LIMITED = (seconds: number) => answerWith(429, { error: { code: "rate_limited" } }, { "retry-after": String(seconds) });

describe("FinOpsClient.check against a local server", () => {
  it("waits out a 429's Retry-After and uses the answer that follows", async () => {
    const server = await localServer([RATE_LIMITED(1), answerWith(200, ALLOW)]);
    const sleeps: number[] = [];
    const client = new FinOpsClient({ baseUrl: server.url, apiKey: "k", sleep: async (ms) => void sleeps.push(ms) });
    expect(await client.check({ model: "gpt-4o", reserve: true })).toEqual(ALLOW);
    expect(sleeps).toEqual([1000]);
    expect(server.requests()).toBe(2);
    await server.close();
  });

  it("stops retrying once Retry-After would pass maxRetryWaitMs, and then denies", async () => {
    const server = await localServer([RATE_LIMITED(2)]);
    const sleeps: number[] = [];
    const client = new FinOpsClient({ baseUrl: server.url, apiKey: "k", maxRetryWaitMs: 5_000, sleep: async (ms) => void sleeps.push(ms) });
    expect(await client.check({ model: "gpt-4o" })).toMatchObject({ decision: "deny", allowed: false, degraded: true });
    expect(sleeps).toEqual([2000, 2000]);
    expect(server.requests()).toBe(3);
    await server.close();
  });

  it("denies by default on a 5xx, a timeout or a closed port; allows with failOpen", async () => {
    const failing = await localServer([answerWith(500, { error: { code: "internal" } })]);
    const silent = await localServer([() => undefined]);
    const gone = await localServer([answerWith(200, ALLOW)]);
    await gone.close();
    for (const [url, timeoutMs] of [[failing.url, undefined], [silent.url, 100], [gone.url, undefined]] as const) {
      const closed = new FinOpsClient({ baseUrl: url, apiKey: "k", timeoutMs });
      expect(await closed.check({ model: "gpt-4o" }), url).toMatchObject({ decision: "deny", allowed: false, degraded: true });
      const open = new FinOpsClient({ baseUrl: url, apiKey: "k", timeoutMs, failOpen: true });
      expect(await open.check({ model: "gpt-4o" }), url).toMatchObject({ decision: "allow", allowed: true, degraded: true });
    }
    await Promise.all([failing.close(), silent.close()]);
  });

  it("waits for a server slower than 2 s rather than answering for it", async () => {
    const server = await localServer([(res) => void setTimeout(() => answerWith(200, { ...ALLOW, decision: "deny", allowed: false })(res), 2_200)]);
    const client = new FinOpsClient({ baseUrl: server.url, apiKey: "k" });
    const answer = await client.check({ model: "gpt-4o" });
    expect(answer).toMatchObject({ decision: "deny", allowed: false });
    expect(answer.degraded).toBeUndefined();
    await server.close();
  }, 10_000);
});
