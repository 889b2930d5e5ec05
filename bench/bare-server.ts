// The limit of a machine endpoint: bench/bare-node-server.ts, a bare
// node:http server in a process of its own answering a constant JSON body,
// loaded exactly as the app is (same tool, connections and request bodies).
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";

export type BareServer = { url: string; pid: number; stop: () => Promise<void> };

/** Starts the bare server answering `body` to every request. */
export async function startBareServer(body: string): Promise<BareServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "bare-node-server.ts")], {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: { ...process.env, BARE_BODY: body },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = (await once(child.stdout!.setEncoding("utf8"), "data")) as [string];
  const port = Number(/port (\d+)/.exec(line)?.[1]);
  if (!port) throw new Error(`bare server did not report its port: ${line}`);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    },
  };
}
