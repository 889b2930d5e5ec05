// A fixed number of POSTs at a fixed concurrency, driven by wrk (Debian's
// package) with bench/policy-wrk.lua. wrk runs for its -d duration whatever
// its threads do, so the Lua script reports each thread that has its count
// and wrk is ended (SIGINT: it then prints its summary) once all have.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type LoadOptions = {
  url: string;
  body: string;
  apiKey?: string;
  requests: number;
  connections: number;
  threads: number;
  /** When set, the body's "__TRACE__" becomes a traceId unique per request. */
  tracePrefix?: string;
  /** Bound on the run: wrk stops then even if the count is not reached. */
  maxSeconds: number;
};

export type LoadResult = {
  /** False when the time bound ended the run before the count was reached. */
  complete: boolean;
  responses: number;
  allowed: number;
  denied: number;
  seconds: number;
  rps: number;
  non2xx: number;
  socketErrors: number;
  p50Ms: number;
  p75Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
};

export const WRK = process.env.BENCH_WRK ?? "/usr/bin/wrk";
const SCRIPT = path.join(import.meta.dirname, "policy-wrk.lua");
const DONE = "POLICY_WRK_THREAD_DONE";
const SUMMARY = "POLICY_WRK ";

export function runWrk(options: LoadOptions): Promise<LoadResult> {
  const perThread = Math.ceil(options.requests / options.threads);
  const env = {
    ...process.env,
    POLICY_WRK_BODY: options.body,
    POLICY_WRK_KEY: options.apiKey ?? "",
    POLICY_WRK_PER_THREAD: String(perThread),
    ...(options.tracePrefix ? { POLICY_WRK_TRACE: options.tracePrefix } : {}),
  };
  const args = ["-t", String(options.threads), "-c", String(options.connections), "-d", `${options.maxSeconds}s`, "--timeout", "10s", "--latency", "-s", SCRIPT, options.url];
  if (!fs.existsSync(WRK)) {
    return Promise.reject(new Error(`the load tool wrk is not at ${WRK}: install it (apt-get install wrk) or set BENCH_WRK to its path`));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(WRK, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let stopping = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      if (!stopping && out.split(DONE).length - 1 >= options.threads) {
        stopping = true;
        child.kill("SIGINT");
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      const line = out.split("\n").find((l) => l.startsWith(SUMMARY));
      if (!line) return reject(new Error(`wrk ended (${code ?? signal}) without a summary:\n${out}${err}`));
      const s = JSON.parse(line.slice(SUMMARY.length)) as Record<string, number>;
      const seconds = s.durationUs / 1e6;
      const ms = (us: number) => us / 1000;
      resolve({
        complete: stopping,
        responses: s.responses,
        allowed: s.allowed,
        denied: s.denied,
        seconds,
        rps: s.responses / seconds,
        non2xx: s.status,
        socketErrors: s.connect + s.read + s.write + s.timeout,
        p50Ms: ms(s.p50),
        p75Ms: ms(s.p75),
        p90Ms: ms(s.p90),
        p99Ms: ms(s.p99),
        maxMs: ms(s.max),
      });
    });
  });
}
