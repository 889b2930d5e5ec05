// Points lib/db at the per-run database before any test imports it.
import { afterAll, inject } from "vitest";
import { closeDb } from "@/lib/db";

process.env.DATABASE_URL = inject("databaseUrl");

afterAll(async () => {
  await closeDb();
});
