// Where the machine's CPU went during one load phase of bench/policy-bench.ts,
// in cores busy: the server under load, wrk (a child of this process, counted
// once reaped), PostgreSQL (the postmaster and all its children, when it runs
// on this machine) and anything else (other work on the machine: noise).
// bench/cpu-meter.ts counts load clients in this process; wrk is not.
import fs from "node:fs";

const TICKS_PER_SECOND = 100;

function statFields(pid: number | "self"): string[] {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** utime + stime (+ cutime + cstime: children it has reaped) in seconds; 0 once the process is gone. */
function processSeconds(pid: number | "self", withChildren = false): number {
  try {
    const f = statFields(pid);
    const own = Number(f[11]) + Number(f[12]);
    return (withChildren ? own + Number(f[13]) + Number(f[14]) : own) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function reapedChildrenSeconds(): number {
  return processSeconds("self", true) - processSeconds("self");
}

/** A PostgreSQL cluster's CPU: the postmaster with the children it reaped, and its live children. */
function clusterSeconds(postmaster: number): number {
  let total = processSeconds(postmaster, true);
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const f = statFields(Number(entry));
      if (Number(f[1]) === postmaster) total += (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

function machineSeconds(): number {
  const [, user, nice, system, , , irq, softirq, steal] = fs.readFileSync("/proc/stat", "utf8").split("\n", 1)[0].split(/\s+/).map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
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
  const server0 = processSeconds(serverPid);
  const children0 = reapedChildrenSeconds();
  const pg0 = postmaster ? clusterSeconds(postmaster) : 0;
  const machine0 = machineSeconds();
  return () => {
    const wall = (performance.now() - started) / 1000;
    const server = processSeconds(serverPid) - server0;
    const wrk = reapedChildrenSeconds() - children0;
    const postgres = postmaster ? clusterSeconds(postmaster) - pg0 : 0;
    const machine = machineSeconds() - machine0;
    return { server: server / wall, wrk: wrk / wall, postgres: postmaster ? postgres / wall : null, other: Math.max(0, machine - server - wrk - postgres) / wall };
  };
}
