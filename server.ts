// One port: the node:http fast path for machine endpoints in front of
// Next.js (DESIGN.md 11), with graceful shutdown on SIGTERM/SIGINT. With
// MACHINE_WORKERS set (production, machines with cores to spare), worker
// processes (machine-worker.ts) take turns with this process at serving
// connections, so the machine endpoints use more cores; this process keeps
// Next.js and the background jobs.
import http from "node:http";
import net from "node:net";
import path from "node:path";
import next from "next";
import { closeDb, pool } from "@/lib/db";
import { numberSetting } from "@/lib/env";
import { startInsightAlertSweeper, stopInsightAlertSweeper } from "@/lib/insights/raise-insight-alerts";
import { countRequests } from "@/lib/http/request-drain";
import { MachineWorkers } from "@/lib/machine-api/machine-workers";
import { handleMachineRequest } from "@/lib/machine-api/router";
import { stopListener } from "@/lib/db-listener";
import { startReservationSweeper, stopReservationSweeper } from "@/lib/policy/expire-reservations";
import { repriceAllUnpriced } from "@/lib/pricing/reprice-unpriced";
import { syncCatalog } from "@/lib/pricing/sync-catalog";
import { startRollupCompactor, stopRollupCompactor } from "@/lib/rollups/compact-rollups";
import { watermarkAhead } from "@/lib/rollups/refold-rollups";
import { startDeliveryWorker, stopDeliveryWorker } from "@/lib/webhooks/delivery-worker";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const dev = process.env.NODE_ENV !== "production";
const SHUTDOWN_GRACE_MS = 10_000;
/** Machine workers beside this process (production only; none by default: each adds about 150 MB). */
const WORKERS = dev ? 0 : numberSetting("MACHINE_WORKERS", process.env.MACHINE_WORKERS, 0, (n) => Number.isInteger(n) && n >= 0, "a whole number of 0 or more");

async function main() {
  // restored from another server: its events would be missing from the rollups (refold-rollups.ts)
  const restored = await watermarkAhead(pool());
  if (restored) throw new Error(restored);
  await syncCatalog(pool());
  // a refreshed catalog may price models that events were stored without a price for
  repriceAllUnpriced()
    .then((priced) => priced.size > 0 && console.log(`re-priced ${[...priced.values()].reduce((a, b) => a + b, 0)} events the catalog now prices`))
    .catch((err: Error) => console.error("re-pricing after the catalog sync failed:", err.message));
  startReservationSweeper();
  startDeliveryWorker();
  startInsightAlertSweeper();
  startRollupCompactor();
  const app = next({ dev, dir: import.meta.dirname, hostname, port });
  const handleNext = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    if (handleMachineRequest(req, res)) return;
    handleNext(req, res).catch((err: unknown) => {
      console.error("next request failed:", err);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = 65_000;
  const requests = countRequests(server);
  // with workers, a front listener on the public port hands each connection, unread, to the process whose turn it is;
  // this server then listens on a loopback port for the requests workers forward
  let workers: MachineWorkers | null = null;
  let front: net.Server | null = null;
  if (WORKERS > 0) {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    workers = new MachineWorkers(WORKERS, path.join(import.meta.dirname, "machine-worker.ts"), (server.address() as net.AddressInfo).port);
    front = net.createServer({ pauseOnConnect: true }, (socket) => {
      if (workers!.take(socket)) return;
      server.emit("connection", socket);
      socket.resume();
    });
  }

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal} received: finishing in-flight requests`);
    const force = setTimeout(() => {
      console.error("shutdown grace period over; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    front?.close();
    server.close();
    void (async () => {
      await Promise.all([workers?.stop(SHUTDOWN_GRACE_MS), requests.drained(SHUTDOWN_GRACE_MS)]);
      stopReservationSweeper();
      stopInsightAlertSweeper();
      stopRollupCompactor();
      await stopDeliveryWorker();
      await app.close();
      await stopListener();
      await closeDb();
      process.exit(0);
    })();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  (front ?? server).listen(port, hostname, () => {
    const also = WORKERS > 0 ? `, with ${WORKERS} machine worker${WORKERS > 1 ? "s" : ""}` : "";
    console.log(`ready on http://localhost:${port} (${dev ? "development" : "production"}${also})`);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
