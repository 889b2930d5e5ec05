// Phase (b): one event per POST, unique ids, from many keep-alive
// connections, for a fixed number of requests (autocannon).
import autocannon from "autocannon";
import { usageEvent } from "./usage-events";

export type SingleLoadResult = { requests: number; acknowledged: number; non2xx: number; errors: number; seconds: number; p50Ms: number; p99Ms: number };

export async function sendSingleEvents(url: string, apiKey: string, runId: string, requests: number, connections: number): Promise<SingleLoadResult> {
  let n = 0;
  let acknowledged = 0;
  const result = await autocannon({
    url,
    connections,
    amount: requests,
    requests: [
      {
        method: "POST",
        path: "/api/v1/events",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ events: [usageEvent(runId, n++)] }) }),
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"accepted":1')) acknowledged++;
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    acknowledged,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    seconds: result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}
