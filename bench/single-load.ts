// Phase (b): one event per POST, unique ids, from many keep-alive
// connections, for a fixed number of requests, driven by wrk (wrk-load.ts):
// the bodies are realistic events made here, each sent with an id unique per
// request.
import { usageEvent } from "./usage-events";
import { runWrk } from "./wrk-load";

export type SingleLoadResult = { requests: number; acknowledged: number; non2xx: number; errors: number; seconds: number; p50Ms: number; p99Ms: number };

/** Distinct event bodies cycled through (models, teams, customers, usage shapes). */
const TEMPLATES = 1000;
const THREADS = 2;

export async function sendSingleEvents(url: string, apiKey: string, runId: string, requests: number, connections: number): Promise<SingleLoadResult> {
  const bodies = Array.from({ length: TEMPLATES }, (_, i) => JSON.stringify({ events: [{ ...usageEvent(runId, i), id: "__UNIQUE__" }] }));
  const result = await runWrk({
    url: `${url}/api/v1/events`,
    bodies,
    apiKey,
    requests,
    connections,
    threads: THREADS,
    uniquePrefix: runId,
    marks: ['"accepted":1'],
    maxSeconds: 300,
  });
  if (!result.complete) throw new Error(`wrk did not get ${requests} answers within 300 s`);
  return {
    requests: result.responses,
    acknowledged: result.markedA,
    non2xx: result.non2xx,
    errors: result.socketErrors,
    seconds: result.seconds,
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
  };
}
