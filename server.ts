// One process, one port: the node:http fast path for machine endpoints in
// front of Next.js (DESIGN.md 11), with graceful shutdown on SIGTERM/SIGINT.
import http from "node:http";
import next from "next";
import { closeDb, pool } from "@/lib/db";
import { startInsightAlertSweeper, stopInsightAlertSweeper } from "@/lib/insights/raise-insight-alerts";
import { handleMachineRequest } from "@/lib/machine-api/router";
import { stopListener } from "@/lib/db-listener";
import { startReservationSweeper, stopReservationSweeper } from "@/lib/policy/expire-reservations";
import { repriceAllUnpriced } from "@/lib/pricing/reprice-unpriced";
import { syncCatalog } from "@/lib/pricing/sync-catalog";
import { startRollupCompactor, stopRollupCompactor } from "@/lib/rollups/compact-rollups";
import { startDeliveryWorker, stopDeliveryWorker } from "@/lib/webhooks/delivery-worker";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const dev = process.env.NODE_ENV !== "production";
const SHUTDOWN_GRACE_MS = 10_000;

async function main() {
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
    server.close(async () => {
      stopReservationSweeper();
      stopInsightAlertSweeper();
      stopRollupCompactor();
      await stopDeliveryWorker();
      await app.close();
      await stopListener();
      await closeDb();
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  server.listen(port, hostname, () => {
    console.log(`ready on http://localhost:${port} (${dev ? "development" : "production"})`);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
