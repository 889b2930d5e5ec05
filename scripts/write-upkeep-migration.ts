// npm run db:upkeep-migration: writes a migration that installs the current
// definition of the usage upkeep trigger function (USAGE_UPKEEP_FUNCTION_SQL,
// built from the rollup, ledger and alert SQL in lib/). Run it after changing
// those pieces: a unit test fails until the latest migration holds them.
import fs from "node:fs";
import path from "node:path";
import { USAGE_UPKEEP_FUNCTION_SQL } from "@/lib/ingest/store-events-sql";

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.resolve(import.meta.dirname, "../prisma/migrations", `${stamp}_usage_upkeep_function`);
fs.mkdirSync(folder, { recursive: true });
fs.writeFileSync(
  path.join(folder, "migration.sql"),
  `-- The upkeep of newly inserted usage events, as lib/ingest/store-events-sql.ts defines it (npm run db:upkeep-migration).\n${USAGE_UPKEEP_FUNCTION_SQL};\n`,
);
console.log(`wrote ${path.relative(process.cwd(), folder)}/migration.sql`);
