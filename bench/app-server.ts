// The app as `npm start` runs it (node --import tsx server.ts, production),
// on a free local port, with the rate limiter off so load is not throttled.
// BENCH_NODE_ARGS adds node flags to the server, e.g. "--cpu-prof".
import { type ChildProcess, spawn } from "node:child_process";
import { childrenOf } from "./process-tree";
import { freePort } from "../scripts/lib/free-port.mjs";
import { serverArgs } from "../scripts/lib/server-command.mjs";
import { once } from "node:events";
import fs from "node:fs";

/** stop and kill resolve true when the server was still running when signalled. */
export type AppServer = { url: string; pid: number; stop: () => Promise<boolean>; kill: () => Promise<boolean> };

const AUTH_SECRET = "bench-auth-secret-0123456789abcdef";

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited during start (${child.exitCode ?? child.signalCode})`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server not healthy within 90 s");
}

async function exit(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return false;
  const exited = once(child, "exit");
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
  return true;
}

export async function startAppServer(root: string, databaseUrl: string): Promise<AppServer> {
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const env = {
    ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" as const,
    AUTH_SECRET, RATE_LIMIT_PER_SECOND: "0", NEXT_TELEMETRY_DISABLED: "1",
  };
  const child = spawn(process.execPath, serverArgs(nodeArgs), { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url, child);
  } catch (err) {
    await exit(child, "SIGKILL", 0);
    throw err;
  }
  return { url, pid: child.pid!, stop: () => exit(child, "SIGTERM", 15_000), kill: () => exit(child, "SIGKILL", 0) };
}

function processRssMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Resident set size in MB of the live server with its machine workers: now (VmRSS) or the sum of their peaks so far (VmHWM). */
export function rssMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  return [pid, ...childrenOf(pid)].reduce((sum, p) => sum + processRssMb(p, field), 0);
}
