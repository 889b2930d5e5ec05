// The key cache against a revocation that is notified while a key is being
// read: the row read before the revocation committed must not be cached.
import { beforeEach, describe, expect, it, vi } from "vitest";

type Row = { org_id: string; id: string; scopes: string[]; team_id: string | null; revoked_at: Date | null };

const db = vi.hoisted(() => ({
  answers: [] as ((rows: Row[]) => void)[],
  onRevoked: null as ((hash: string) => void) | null,
}));

vi.mock("@/lib/db", () => ({
  pool: () => ({
    query: (sql: string) =>
      sql.startsWith("UPDATE") ? Promise.resolve({ rows: [] }) : new Promise((resolve) => db.answers.push((rows: Row[]) => resolve({ rows }))),
  }),
}));
vi.mock("@/lib/db-listener", () => ({
  ensureListening: () => Promise.resolve(),
  isListening: () => true,
  subscribe: (_channel: string, handler: (hash: string) => void) => (db.onRevoked = handler),
}));

const { authenticateApiKey, cachedPrincipal } = await import("./authenticate-api-key");
const { hashApiKey } = await import("./key-format");

const row: Row = { org_id: "org", id: "key-1", scopes: ["ingest"], team_id: null, revoked_at: null };
const header = (n: number) => `Bearer fo_${String(n).padStart(43, "k")}`;
/** Lets the pending read reach the database (the stand-in above). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("authenticateApiKey's cache", () => {
  beforeEach(() => void (db.answers = []));

  it("caches a key read with no revocation meanwhile", async () => {
    const reading = authenticateApiKey(header(1), "ingest");
    await settle();
    db.answers.shift()!([row]);
    await expect(reading).resolves.toMatchObject({ keyId: "key-1" });
    expect(cachedPrincipal(header(1), "ingest")).toMatchObject({ keyId: "key-1" });
  });

  it("answers, but does not cache, a key whose revocation was notified while it was read", async () => {
    const reading = authenticateApiKey(header(2), "ingest");
    await settle();
    // the revocation commits and is notified; then the read's answer, from before it, arrives
    db.onRevoked!(hashApiKey(header(2).slice("Bearer ".length)));
    db.answers.shift()!([row]);
    await expect(reading).resolves.toMatchObject({ keyId: "key-1" });
    expect(cachedPrincipal(header(2), "ingest")).toBeNull();
    // the next request reads the key again and finds it revoked
    const next = authenticateApiKey(header(2), "ingest");
    await settle();
    db.answers.shift()!([{ ...row, revoked_at: new Date() }]);
    await expect(next).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
