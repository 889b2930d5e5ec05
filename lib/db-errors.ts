// Errors that mean PostgreSQL cannot be reached (as opposed to a bad query):
// they become a 503 with Retry-After, never a 500.
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH", "57P01", "57P02", "57P03", "53300"]);
const UNAVAILABLE_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

export function isStorageUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string; errors?: unknown[] } | null;
  if (!e) return false;
  if (e.code && UNAVAILABLE_CODES.has(e.code)) return true;
  // AggregateError from a connection attempt to several addresses
  if (Array.isArray(e.errors) && e.errors.some(isStorageUnavailable)) return true;
  return UNAVAILABLE_MESSAGES.test(e.message ?? "");
}
