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

export type BudgetState = { budgets: BudgetRow[]; ledgers: Map<string, Ledger> };

const states = new Map<string, Promise<BudgetState>>();

subscribe(BUDGET_CHANNEL, (orgId) => states.delete(orgId), () => states.clear());

async function load(orgId: string): Promise<BudgetState> {
  const [budgets, ledgers] = await Promise.all([loadBudgets(pool(), orgId), loadLedgers(pool(), orgId)]);
  return { budgets, ledgers };
}

/** The organisation's budget state: from memory when it is known to be current, else from PostgreSQL. */
export async function getBudgetState(orgId: string): Promise<BudgetState> {
  await ensureListening();
  if (!isListening()) return load(orgId);
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
