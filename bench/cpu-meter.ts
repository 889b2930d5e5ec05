// Where the machine's CPU went during a phase, in cores busy: the server
// process with its machine workers, the load clients (this process and the load tools it ran), PostgreSQL's processes, and
// everything else on the machine (other work: noise in the figures).
import type pg from "pg";
import { machineSeconds, processSeconds, treeSeconds } from "./process-tree";


/** CPU seconds of every process of the PostgreSQL server `db` is connected to. */
export async function postgresSeconds(db: pg.ClientBase): Promise<Map<number, number>> {
  const { rows } = await db.query<{ pid: number }>("SELECT pid FROM pg_stat_activity");
  return new Map(rows.map(({ pid }) => [pid, processSeconds(pid)]));
}

export type CpuShares = { server: number; client: number; postgres: number; other: number };

/** Starts measuring; the returned function gives the cores busy since then. */
export async function startCpuMeter(serverPid: number, db: pg.ClientBase): Promise<() => Promise<CpuShares>> {
  const postgres0 = await postgresSeconds(db);
  const started = performance.now();
  const server0 = treeSeconds(serverPid);
  const client0 = processSeconds("self", true);
  const machine0 = machineSeconds();
  return async () => {
    const wall = (performance.now() - started) / 1000;
    const server = treeSeconds(serverPid) - server0;
    const client = processSeconds("self", true) - client0;
    const machine = machineSeconds() - machine0;
    let postgres = 0;
    for (const [pid, seconds] of await postgresSeconds(db)) postgres += seconds - (postgres0.get(pid) ?? 0);
    const other = Math.max(0, machine - server - client - postgres);
    return { server: server / wall, client: client / wall, postgres: postgres / wall, other: other / wall };
  };
}
