// Ingest load for the crash test: batch and single-event clients that keep
// sending until the server dies, recording each request, the ids of its valid
// events, and its answer (null when none came, then when and how it failed).
import { usageEvent } from "./usage-events";

/** `failure`: when (performance.now()) and with what error code a request without an answer failed. */
export type SentRequest = { body: string; validIds: string[]; status: number | null; failure?: { at: number; code: string } };

type Load = { url: string; apiKey: string; runId: string };

/** A batch of `size` events; a few are invalid, and some name a team that does not exist yet. */
function batch(runId: string, first: number, size: number): { body: string; validIds: string[] } {
  const validIds: string[] = [];
  const newTeam = Math.random() < 0.1 ? `new-${runId}-${first}` : null;
  const events = Array.from({ length: size }, (_, i) => {
    const event = usageEvent(runId, first + i);
    if (size > 1 && Math.random() < 0.03) return { ...event, usage: { inputTokens: -1 } };
    validIds.push(event.id as string);
    return newTeam && i === 0 ? { ...event, team: newTeam } : event;
  });
  return { body: JSON.stringify({ events }), validIds };
}

/** Runs `batchClients` + `singleClients` clients until each gets no answer; resolves with every request sent. */
export async function runCrashLoad(load: Load, batchClients: number, singleClients: number): Promise<SentRequest[]> {
  const sent: SentRequest[] = [];
  let next = 0;
  const headers = { authorization: `Bearer ${load.apiKey}`, "content-type": "application/json" };
  async function client(maxSize: number): Promise<void> {
    for (;;) {
      const size = maxSize === 1 ? 1 : 50 + Math.floor(Math.random() * (maxSize - 50));
      const request: SentRequest = { ...batch(load.runId, next, size), status: null };
      next += size;
      sent.push(request);
      try {
        const res = await fetch(`${load.url}/api/v1/events`, { method: "POST", headers, body: request.body });
        await res.arrayBuffer();
        request.status = res.status;
      } catch (err) {
        // the server is gone: ECONNREFUSED for a request sent after it died, a closed socket for one it held
        request.failure = { at: performance.now(), code: (err as { cause?: { code?: string } }).cause?.code ?? String(err) };
        return;
      }
    }
  }
  const clients = [...Array(batchClients).fill(500), ...Array(singleClients).fill(1)].map(client);
  await Promise.all(clients);
  return sent;
}

/** Sends the request again (a client retrying after the crash); resolves with the answer. */
export async function replay(url: string, apiKey: string, request: SentRequest): Promise<{ status: number; accepted: number; duplicates: number }> {
  const headers = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };
  const res = await fetch(`${url}/api/v1/events`, { method: "POST", headers, body: request.body });
  const answer = (await res.json()) as { accepted?: number; duplicates?: number };
  return { status: res.status, accepted: answer.accepted ?? 0, duplicates: answer.duplicates ?? 0 };
}
