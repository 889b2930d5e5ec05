// Phase (a): pre-built batches sent by a few concurrent clients, each taking
// the next batch as soon as its previous one is answered.
import { percentile } from "./percentile";

export type BatchLoadResult = { requests: number; acknowledged: number; failed: number; seconds: number; p50Ms: number; p99Ms: number };

export async function sendBatches(url: string, apiKey: string, bodies: string[], clients: number): Promise<BatchLoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let acknowledged = 0;
  let failed = 0;
  const headers = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };
  async function client(): Promise<void> {
    while (next < bodies.length) {
      const body = bodies[next++];
      const started = performance.now();
      const res = await fetch(`${url}/api/v1/events`, { method: "POST", headers, body });
      const answer = (await res.json()) as { accepted?: number; rejected?: unknown[] };
      latencies.push(performance.now() - started);
      if (res.status === 200) acknowledged += answer.accepted ?? 0;
      if (res.status !== 200 || answer.rejected?.length) {
        failed++;
        if (failed === 1) console.error(`batch answered ${res.status}: ${JSON.stringify(answer).slice(0, 500)}`);
      }
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = (performance.now() - started) / 1000;
  return { requests: bodies.length, acknowledged, failed, seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}
