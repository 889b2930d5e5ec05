// CPU time read from /proc: a process and its children (the app server with
// its machine workers, or a PostgreSQL postmaster with its backends), and the
// whole machine.
import fs from "node:fs";

const TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command name. */
export function statFields(pid: number | "self"): string[] {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** utime + stime (+ cutime + cstime: children it has reaped) in seconds; 0 once the process is gone. */
export function processSeconds(pid: number | "self", withChildren = false): number {
  try {
    const f = statFields(pid);
    const own = Number(f[11]) + Number(f[12]);
    return (withChildren ? own + Number(f[13]) + Number(f[14]) : own) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The live children of `parent`. */
export function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(statFields(Number(entry))[1]) === parent) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** CPU seconds of `pid`, the children it reaped and its live children. */
export function treeSeconds(pid: number): number {
  return processSeconds(pid, true) + childrenOf(pid).reduce((sum, child) => sum + processSeconds(child), 0);
}

/** Busy CPU seconds of the whole machine (all but idle and iowait). */
export function machineSeconds(): number {
  const [, user, nice, system, , , irq, softirq, steal] = fs.readFileSync("/proc/stat", "utf8").split("\n", 1)[0].split(/\s+/).map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}
