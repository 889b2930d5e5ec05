// The build step of `npm start` (scripts/run.mjs): build the app only when no
// build of the current sources exists.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsCurrent, sourceHash, writeStamp } from "../scripts/lib/build-stamp.mjs";

export function buildIfNeeded(root: string, log: (message: string) => void): void {
  const hash = sourceHash(root);
  if (buildIsCurrent(root, hash)) return;
  log("building the app (sources changed since the last build)");
  const next = path.join(root, "node_modules/next/dist/bin/next");
  const env = { ...process.env, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" };
  const { status } = spawnSync(process.execPath, [next, "build"], { cwd: root, stdio: "inherit", env });
  if (status !== 0) throw new Error(`next build failed (exit ${status})`);
  writeStamp(root, hash);
}
