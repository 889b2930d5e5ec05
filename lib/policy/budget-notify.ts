// Processes keep each organisation's budget state in memory for policy
// checks; every transaction that changes budgets or ledgers notifies them
// (delivered at commit) so that state is reloaded before it is used again.
export const BUDGET_CHANNEL = "finops_budgets";

/** SELECT that notifies once per organisation found in `relation.org_id`. */
export function NOTIFY_BUDGET_CHANGE(relation: string): string {
  return `SELECT pg_notify('${BUDGET_CHANNEL}', org_id) FROM (SELECT DISTINCT org_id FROM ${relation}) AS changed_orgs`;
}
