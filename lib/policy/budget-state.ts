// Each organisation's budgets and current ledgers, held in memory for policy
// checks that do not reserve. The state stays correct: a LISTEN connection
// drops an organisation's state whenever a committed transaction changed its
// budgets or ledgers (budget-notify.ts), and this process drops it at once
// after its own writes. Without a live LISTEN connection nothing is cached.
import pg from "pg";
import { env } from "@/lib/env";
import { pool } from "@/lib/db";
import { BUDGET_CHANNEL } from "./budget-notify";
import { type BudgetRow, type Ledger, loadBudgets, loadLedgers } from "./budget-rows";

export type BudgetState = { budgets: BudgetRow[]; ledgers: Map<string, Ledger> };

const states = new Map<string, Promise<BudgetState>>();
/** Budgets last seen per organisation: what fail modes are read from when PostgreSQL is down. */
const lastKnown = new Map<string, BudgetRow[]>();
let listener: pg.Client | null = null;
let listening = false;
let connecting: Promise<void> | null = null;

function dropAll(): void {
  states.clear();
}

async function listen(): Promise<void> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL, connectionTimeoutMillis: 2_000 });
  client.on("notification", (message) => {
    if (message.payload) states.delete(message.payload);
  });
  const lost = () => {
    listening = false;
    listener = null;
    dropAll();
    setTimeout(() => void ensureListening(), 1_000).unref();
  };
  client.on("error", lost);
  client.on("end", () => listening && lost());
  await client.connect();
  await client.query(`LISTEN ${BUDGET_CHANNEL}`);
  listener = client;
  listening = true;
}

function ensureListening(): Promise<void> {
  if (listening) return Promise.resolve();
  connecting ??= listen()
    .catch(() => undefined)
    .finally(() => {
      connecting = null;
    });
  return connecting;
}

async function load(orgId: string): Promise<BudgetState> {
  const [budgets, ledgers] = await Promise.all([loadBudgets(pool(), orgId), loadLedgers(pool(), orgId)]);
  lastKnown.set(orgId, budgets);
  return { budgets, ledgers };
}

/** The organisation's budget state: from memory when it is known to be current, else from PostgreSQL. */
export async function getBudgetState(orgId: string): Promise<BudgetState> {
  await ensureListening();
  if (!listening) return load(orgId);
  let state = states.get(orgId);
  if (!state) {
    state = load(orgId);
    states.set(orgId, state);
    state.catch(() => states.delete(orgId));
  }
  return state;
}

/** Call after this process committed a change to the organisation's budgets or ledgers. */
export function invalidateBudgetState(orgId: string): void {
  states.delete(orgId);
}

export function lastKnownBudgets(orgId: string): BudgetRow[] {
  return lastKnown.get(orgId) ?? [];
}

/** Closes the LISTEN connection (graceful shutdown, tests). */
export async function stopBudgetListener(): Promise<void> {
  const client = listener;
  listening = false;
  listener = null;
  dropAll();
  if (client) await client.end().catch(() => undefined);
}
