// One LISTEN connection per process, for caches that must never serve state
// older than a committed change: budgets and ledgers (policy checks) and API
// keys (revocation). Subscribers get each notification's payload; when the
// connection is lost every cache is reset and nothing is cached until it is
// back.
import pg from "pg";
import { env } from "@/lib/env";

type Handler = (payload: string) => void;

const handlers = new Map<string, Set<Handler>>();
const resets = new Set<() => void>();
let client: pg.Client | null = null;
let listening = false;
let connecting: Promise<void> | null = null;
let stopped = false;

async function connect(): Promise<void> {
  const next = new pg.Client({ connectionString: env().DATABASE_URL, connectionTimeoutMillis: 2_000 });
  next.on("notification", (message) => {
    for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? "");
  });
  const lost = () => {
    if (client !== next) return;
    listening = false;
    client = null;
    for (const reset of resets) reset();
    if (!stopped) setTimeout(() => void ensureListening(), 1_000).unref();
  };
  next.on("error", lost);
  next.on("end", lost);
  await next.connect();
  for (const channel of handlers.keys()) await next.query(`LISTEN ${channel}`);
  client = next;
  listening = true;
}

/** Connects if needed; resolves whether or not it succeeded (see isListening). */
export function ensureListening(): Promise<void> {
  if (listening || stopped) return Promise.resolve();
  connecting ??= connect()
    .catch(() => undefined)
    .finally(() => {
      connecting = null;
    });
  return connecting;
}

export function isListening(): boolean {
  return listening;
}

/** Subscribe before the first ensureListening (channels are fixed per process). */
export function subscribe(channel: string, handler: Handler, reset: () => void): void {
  if (!handlers.has(channel)) handlers.set(channel, new Set());
  handlers.get(channel)!.add(handler);
  resets.add(reset);
  if (client) void client.query(`LISTEN ${channel}`).catch(() => undefined);
}

export async function stopListener(): Promise<void> {
  stopped = true;
  const current = client;
  listening = false;
  client = null;
  for (const reset of resets) reset();
  if (current) await current.end().catch(() => undefined);
}
