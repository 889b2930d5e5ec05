// Folds everything stored so far into the rollups, for tests that compare the
// rollup tables with the events. One fold may leave events unfolded: it waits
// for every transaction of this database still running when it starts, an
// autovacuum ANALYZE among them (lib/rollups/compact-rollups.ts).
import { pool } from "@/lib/db";
import { compactRollups } from "@/lib/rollups/compact-rollups";
import { UNFOLDED_EVENTS } from "@/lib/rollups/rollup-sources";

const TRIES = 100;

export async function foldAll(): Promise<void> {
  for (let attempt = 1; attempt <= TRIES; attempt++) {
    await compactRollups();
    const { rows } = await pool().query<{ left: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM usage_events WHERE ${UNFOLDED_EVENTS}) OR EXISTS (SELECT 1 FROM usage_rollup_deltas) AS left`,
    );
    if (!rows[0].left) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`events or deltas still unfolded after ${TRIES} folds: a transaction of this database stays open`);
}
