// Each organisation's budgets and current ledgers, held in memory for policy
// checks that do not reserve. The state stays correct: the LISTEN connection
// (lib/db-listener.ts) drops an organisation's state whenever a committed
// transaction changed its budgets or ledgers (budget-notify.ts), and this
// process drops it at once after its own writes. Without a live LISTEN
// connection nothing is cached.
import { ensureListening, isListening, subscribe } from "@/lib/db-listener";
import { pool } from "@/lib/db";
import { BUDGET_CHANNEL } from "./budget-notify";
import { type BudgetRow, type Ledger, loadBudgets, loadLedgers } from "./budget-rows";

export type BudgetState = {
  budgets: BudgetRow[];
  ledgers: Map<string, Ledger>;
  /** When the first reservation counted in `ledgers` expires (null: none held); from then on they count a hold that no longer does. */
  holdsExpireAt: number | null;
};

type Entry = { state: Promise<BudgetState>; loaded?: BudgetState };

const states = new Map<string, Entry>();

subscribe(BUDGET_CHANNEL, (orgId) => states.delete(orgId), () => states.clear());

async function load(orgId: string): Promise<BudgetState> {
  const [budgets, { ledgers, holdsExpireAt }] = await Promise.all([loadBudgets(pool(), orgId), loadLedgers(pool(), orgId)]);
  return { budgets, ledgers, holdsExpireAt };
}

/** The organisation's budget state: from memory when it is known to be current, else from PostgreSQL. */
export async function getBudgetState(orgId: string): Promise<BudgetState> {
  await ensureListening();
  if (!isListening()) return load(orgId);
  const hit = states.get(orgId);
  if (hit) return hit.state;
  const entry: Entry = { state: load(orgId) };
  entry.state.then(
    (loaded) => (entry.loaded = loaded),
    () => states.delete(orgId),
  );
  states.set(orgId, entry);
  return entry.state;
}

/**
 * The organisation's budget state when memory holds it loaded and current
 * (no I/O), else undefined: then call getBudgetState. A reload replaces the
 * object, so its identity marks the version.
 */
export function peekBudgetState(orgId: string): BudgetState | undefined {
  return isListening() ? states.get(orgId)?.loaded : undefined;
}

/** Call after this process committed a change to the organisation's budgets or ledgers. */
export function invalidateBudgetState(orgId: string): void {
  states.delete(orgId);
}
