import { pool } from "@/lib/db";

export type Health = { status: "ok" | "unavailable"; db: "ok" | "unreachable" };

/** Health answers fast even when PostgreSQL hangs: the probe is time-boxed. */
export async function checkHealth(timeoutMs = 2000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("health check timed out")), timeoutMs);
  });
  try {
    await Promise.race([pool().query("SELECT 1"), timeout]);
    return { status: "ok", db: "ok" };
  } catch {
    return { status: "unavailable", db: "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
