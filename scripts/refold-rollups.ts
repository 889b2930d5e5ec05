// npm run db:refold: recounts the rollups from the events and makes every
// event folded, after restoring the database from another PostgreSQL server
// (lib/rollups/refold-rollups.ts; the server refuses to start until then).
import { closeDb, pool } from "@/lib/db";
import { refoldRollups } from "@/lib/rollups/refold-rollups";

try {
  const events = await refoldRollups(pool());
  console.log(`recounted the rollups of ${events.toLocaleString("en")} events; the server can start`);
} finally {
  await closeDb();
}
