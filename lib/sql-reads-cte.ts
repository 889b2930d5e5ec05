// PostgreSQL runs a plain (non-modifying) CTE such as a pg_notify SELECT only
// when the statement reads it, and its planner drops a LEFT JOIN whose
// columns are unused: `LEFT JOIN (SELECT count(*) FROM cte) ON true` would
// silently skip the notifications. A CROSS JOIN to that one-row count keeps
// every row and always runs the CTE.

/** A join (to append to the final FROM) that makes the statement run `cte`. */
export function readsCte(cte: string): string {
  return `CROSS JOIN (SELECT count(*) FROM ${cte}) AS ${cte}_read`;
}
