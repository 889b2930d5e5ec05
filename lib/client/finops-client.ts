// A small client for TypeScript services (no dependencies, no server
// imports): `check` before an LLM call, `record` after it. Records are
// batched and retried; every event carries an id, so a retry never counts
// twice (the server is idempotent on it).
//
//   const finops = new FinOpsClient({ baseUrl: "http://finops:3000", apiKey: process.env.FINOPS_KEY! });
//   const answer = await finops.check({ team: "search", model: "gpt-4o", estimate: { inputTokens: 2000, outputTokens: 500 }, reserve: true });
//   if (!answer.allowed) throw new Error(answer.reason);
//   const result = await openai.chat.completions.create({ model: answer.model, ... });
//   finops.record({ team: "search", model: answer.model, usage: result.usage, reservationId: answer.reservationId });
//   await finops.close(); // on shutdown: flushes what is queued

export type CheckRequest = {
  team?: string;
  feature?: string;
  model: string;
  provider?: string;
  estimate?: { inputTokens?: number; outputTokens?: number; cachedInputTokens?: number; cacheWriteTokens?: number; reasoningTokens?: number };
  estimatedCostUsd?: string;
  traceId?: string;
  reserve?: boolean;
};

export type CheckResponse = {
  decision: "allow" | "warn" | "downgrade" | "deny";
  allowed: boolean;
  reason: string;
  model: string;
  reservationId?: string;
  estimatedCostUsd: string | null;
  retryAfterSeconds?: number;
  degraded?: boolean;
  budgets: unknown[];
};

/** An event as API.md describes it; `id` is generated when absent. */
export type RecordEvent = { id?: string; model: string; [field: string]: unknown };

export type FinOpsClientOptions = {
  baseUrl: string;
  apiKey: string;
  /** Events per request (at most 5,000). */
  batchSize?: number;
  /** How long a record may wait for its batch. */
  flushIntervalMs?: number;
  /** Attempts per batch before it is given up (onError is called). */
  maxAttempts?: number;
  /**
   * When the policy endpoint gives no answer (unreachable, timed out, 5xx, or
   * still rate limited): deny (default) or allow. A server that answers at
   * all follows each budget's own fail mode, which the client cannot know.
   */
  failOpen?: boolean;
  /**
   * Per request. Longer than the server takes to answer (from the fail modes
   * within 100 ms when PostgreSQL hangs, but up to 5 s while PostgreSQL is busy
   * or a key it has not seen yet waits for a connection), so the server's
   * answer is used rather than replaced by `failOpen`.
   */
  timeoutMs?: number;
  /** How long a check may wait in all for the Retry-After of rate-limited (429) answers before it gives up. */
  maxRetryWaitMs?: number;
  onError?: (error: Error, events: RecordEvent[]) => void;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
};

export class FinOpsClient {
  private queue: RecordEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = new Set<Promise<void>>();
  private readonly o: Required<Omit<FinOpsClientOptions, "onError">> & Pick<FinOpsClientOptions, "onError">;

  constructor(options: FinOpsClientOptions) {
    this.o = {
      batchSize: 500, flushIntervalMs: 1_000, maxAttempts: 6, failOpen: false, timeoutMs: 10_000, maxRetryWaitMs: 5_000,
      fetch: globalThis.fetch.bind(globalThis), sleep: (ms) => new Promise((r) => setTimeout(r, ms)), ...options,
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
    };
  }

  /**
   * Asks the policy endpoint, retrying a 429 after its Retry-After while the
   * waits fit in `maxRetryWaitMs` (a rate-limited check was not decided, so
   * asking again reserves nothing twice). With no answer, answers per
   * `failOpen`, marked degraded.
   */
  async check(request: CheckRequest): Promise<CheckResponse> {
    let waited = 0;
    for (;;) {
      let res: Response;
      try {
        res = await this.post("/api/v1/policy/check", request);
        if (res.ok) return (await res.json()) as CheckResponse;
      } catch {
        break; // unreachable, timed out, or the answer cut short
      }
      if (res.status !== 429) {
        if (res.status < 500) throw new Error(`policy check refused (${res.status}): ${await res.text()}`);
        break;
      }
      const wait = retryAfterMs(res) ?? 1_000;
      if (waited + wait > this.o.maxRetryWaitMs) break;
      waited += wait;
      await this.o.sleep(wait);
    }
    const allowed = this.o.failOpen;
    return { decision: allowed ? "allow" : "deny", allowed, reason: "the FinOps policy endpoint could not be reached", model: request.model, estimatedCostUsd: null, degraded: true, budgets: [] };
  }

  /** Queues a usage event; it is sent in a batch, and retried until stored. */
  record(event: RecordEvent): void {
    this.queue.push({ ...event, id: event.id ?? crypto.randomUUID(), timestamp: event.timestamp ?? new Date().toISOString() });
    if (this.queue.length >= this.o.batchSize) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.o.flushIntervalMs);
  }

  /** Sends everything queued now and waits for every batch in flight. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.o.batchSize);
      const sending = this.send(batch).finally(() => this.inFlight.delete(sending));
      this.inFlight.add(sending);
    }
    await Promise.all([...this.inFlight]);
  }

  async close(): Promise<void> {
    await this.flush();
  }

  private async send(events: RecordEvent[]): Promise<void> {
    let lastError = new Error("not sent");
    for (let attempt = 1; attempt <= this.o.maxAttempts; attempt++) {
      let wait = Math.min(30_000, 250 * 2 ** (attempt - 1));
      try {
        const res = await this.post("/api/v1/events", { events });
        if (res.ok) {
          const body = (await res.json()) as { rejected: { index: number; errors: unknown }[] };
          if (body.rejected.length > 0) this.o.onError?.(new Error(`${body.rejected.length} events were rejected: ${JSON.stringify(body.rejected.slice(0, 3))}`), body.rejected.map((r) => events[r.index]));
          return;
        }
        lastError = new Error(`events refused (${res.status}): ${await res.text()}`);
        if (res.status !== 429 && res.status < 500) break; // a bad request will not get better
        wait = retryAfterMs(res) ?? wait;
      } catch (err) {
        lastError = err as Error;
      }
      if (attempt < this.o.maxAttempts) await this.o.sleep(wait);
    }
    this.o.onError?.(lastError, events);
  }

  private post(path: string, body: unknown): Promise<Response> {
    return this.o.fetch(`${this.o.baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${this.o.apiKey}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.o.timeoutMs),
    });
  }
}

/** The Retry-After of an answer (seconds), in milliseconds; null when absent or not a positive number. */
function retryAfterMs(res: Response): number | null {
  const seconds = Number(res.headers.get("retry-after"));
  return seconds > 0 ? seconds * 1_000 : null;
}
