import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { USAGE_UPKEEP_FUNCTION, USAGE_UPKEEP_FUNCTION_SQL } from "./store-events-sql";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");

describe("the usage upkeep trigger function", () => {
  it("is installed by the latest migration that defines it exactly as the code builds it (else: npm run db:upkeep-migration)", () => {
    const defining = fs
      .readdirSync(MIGRATIONS)
      .filter((folder) => fs.existsSync(path.join(MIGRATIONS, folder, "migration.sql")))
      .sort()
      .map((folder) => fs.readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8"))
      .filter((sql) => sql.includes(`FUNCTION ${USAGE_UPKEEP_FUNCTION}()`));
    expect(defining.length).toBeGreaterThan(0);
    expect(defining.at(-1)).toContain(`${USAGE_UPKEEP_FUNCTION_SQL};`);
  });
});
