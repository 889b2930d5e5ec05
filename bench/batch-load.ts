// Phase (a): pre-built batches sent by a few concurrent clients, each taking
// the next batch as soon as its previous one is answered. Sent with node:http
// over kept-alive connections, each body encoded once beforehand: fetch
// (undici) took about 8 us of CPU per event on this 2-core machine, CPU the
// server and PostgreSQL then lacked (the load client is the apparatus, not
// what is measured).
import http from "node:http";
import { percentile } from "./percentile";

export type BatchLoadResult = { requests: number; acknowledged: number; failed: number; seconds: number; p50Ms: number; p99Ms: number };

type Answer = { status: number; body: { accepted?: number; rejected?: unknown[] } };

function post(agent: http.Agent, url: URL, apiKey: string, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent, hostname: url.hostname, port: url.port, path: "/api/v1/events", method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", "content-length": body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
          } catch (err) {
            reject(err);
          }
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export async function sendBatches(url: string, apiKey: string, bodies: string[], clients: number): Promise<BatchLoadResult> {
  const encoded = bodies.map((body) => Buffer.from(body, "utf8"));
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let next = 0;
  let acknowledged = 0;
  let failed = 0;
  async function client(): Promise<void> {
    while (next < encoded.length) {
      const body = encoded[next++];
      const started = performance.now();
      const { status, body: answer } = await post(agent, target, apiKey, body);
      latencies.push(performance.now() - started);
      if (status === 200) acknowledged += answer.accepted ?? 0;
      if (status !== 200 || answer.rejected?.length) {
        failed++;
        if (failed === 1) console.error(`batch answered ${status}: ${JSON.stringify(answer).slice(0, 500)}`);
      }
    }
  }
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: clients }, client));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  return { requests: bodies.length, acknowledged, failed, seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}
