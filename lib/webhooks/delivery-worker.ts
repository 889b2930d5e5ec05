// The webhook delivery worker of this process (server.ts starts and stops
// it). Every app process runs one; they share the queue safely (see
// deliver-due-webhooks.ts). It polls every `pollMs`, and a notification from
// a committed alert wakes it at once. A pass that fills its batch is
// followed by another straight away, so a backlog drains without waiting.
import { ensureListening, subscribe } from "@/lib/db-listener";
import { type DeliveryOptions, deliverDueWebhooks } from "./deliver-due-webhooks";
import { WEBHOOK_CHANNEL } from "./webhook-notify";

export type WorkerOptions = DeliveryOptions & { pollMs?: number };

type Worker = { options: WorkerOptions; timer: NodeJS.Timeout | null; running: Promise<void> | null; again: boolean; stopped: boolean };

let worker: Worker | null = null;
let subscribed = false;

function schedule(w: Worker, delayMs: number): void {
  if (w.stopped) return;
  if (w.timer) clearTimeout(w.timer);
  w.timer = setTimeout(() => wake(w), delayMs);
  w.timer.unref();
}

function wake(w: Worker): void {
  if (w.stopped) return;
  if (w.running) {
    w.again = true;
    return;
  }
  w.running = drain(w).finally(() => {
    w.running = null;
    if (w.again) {
      w.again = false;
      schedule(w, 0);
    } else schedule(w, w.options.pollMs ?? 5_000);
  });
}

async function drain(w: Worker): Promise<void> {
  const batchSize = w.options.batchSize ?? 20;
  try {
    for (;;) {
      const pass = await deliverDueWebhooks({ ...w.options, batchSize });
      if (w.stopped || pass.claimed < batchSize) return;
    }
  } catch (err) {
    console.error("webhook delivery failed:", (err as Error).message);
  }
}

export function startDeliveryWorker(options: WorkerOptions = {}): void {
  if (worker) return;
  const w: Worker = { options, timer: null, running: null, again: false, stopped: false };
  worker = w;
  if (!subscribed) {
    subscribed = true;
    // the poll is the fallback when the LISTEN connection is down
    subscribe(WEBHOOK_CHANNEL, () => worker && wake(worker), () => undefined);
  }
  void ensureListening();
  schedule(w, 0);
}

/** Stops polling and waits for the attempts in flight to be recorded. */
export async function stopDeliveryWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (!w) return;
  w.stopped = true;
  if (w.timer) clearTimeout(w.timer);
  await w.running;
}
