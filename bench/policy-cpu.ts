// Where the machine's CPU went during one load phase of bench/policy-bench.ts,
// in cores busy: the server under load (with its machine workers), wrk (a child of this process, counted
// once reaped), PostgreSQL (the postmaster and all its children, when it runs
// on this machine) and anything else (other work on the machine: noise).
// bench/cpu-meter.ts counts load clients in this process; wrk is not.
import fs from "node:fs";
import { machineSeconds, processSeconds, statFields, treeSeconds } from "./process-tree";


function reapedChildrenSeconds(): number {
  return processSeconds("self", true) - processSeconds("self");
}

/** The postmaster of a local backend (its parent), or null when it is not on this machine. */
export function postmasterOf(backendPid: number): number | null {
  try {
    const ppid = Number(statFields(backendPid)[1]);
    return fs.readFileSync(`/proc/${ppid}/comm`, "utf8").trim().startsWith("postgres") ? ppid : null;
  } catch {
    return null;
  }
}

export type PhaseCpu = { server: number; wrk: number; postgres: number | null; other: number };

/** Call the returned function after wrk has exited. */
export function startPhaseCpu(serverPid: number, postmaster: number | null): () => PhaseCpu {
  const started = performance.now();
  const server0 = treeSeconds(serverPid);
  const children0 = reapedChildrenSeconds();
  const pg0 = postmaster ? treeSeconds(postmaster) : 0;
  const machine0 = machineSeconds();
  return () => {
    const wall = (performance.now() - started) / 1000;
    const server = treeSeconds(serverPid) - server0;
    const wrk = reapedChildrenSeconds() - children0;
    const postgres = postmaster ? treeSeconds(postmaster) - pg0 : 0;
    const machine = machineSeconds() - machine0;
    return { server: server / wall, wrk: wrk / wall, postgres: postmaster ? postgres / wall : null, other: Math.max(0, machine - server - wrk - postgres) / wall };
  };
}
