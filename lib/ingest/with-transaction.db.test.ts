import net, { type AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, pipelinedPool, pool } from "@/lib/db";
import { toAppError } from "@/lib/http/errors";
import { makeOrg } from "@/tests/factories";
import { withStatement, withTransaction, withTransactionEndingIn } from "./with-transaction";

afterAll(closeDb);

const nameOf = async (orgId: string) => (await pool().query("SELECT name FROM organizations WHERE id = $1", [orgId])).rows[0].name;

describe.each([
  ["a connection", pool],
  ["a pipelined connection", pipelinedPool],
])("withTransactionEndingIn on %s", (_, poolOf) => {
  it("commits the work and its last statement together", async () => {
    const { org } = await makeOrg();
    const result = await withTransactionEndingIn(poolOf(), async (client) => {
      await client.query("UPDATE organizations SET name = 'first' WHERE id = $1", [org.id]);
      return ["done", () => client.query("UPDATE organizations SET name = name || ' and last' WHERE id = $1", [org.id])];
    });
    expect(result).toBe("done");
    expect(await nameOf(org.id)).toBe("first and last");
  });

  it("keeps nothing when the last statement fails, and throws its error", async () => {
    const { org } = await makeOrg();
    const before = await nameOf(org.id);
    const run = withTransactionEndingIn(poolOf(), async (client) => {
      await client.query("UPDATE organizations SET name = 'changed' WHERE id = $1", [org.id]);
      return [null, () => client.query("SELECT 1 / 0")];
    });
    await expect(run).rejects.toThrow(/division by zero/);
    expect(await nameOf(org.id)).toBe(before);
  });
});

/** A PostgreSQL that completes the handshake, then never answers (a partition, a stuck server). */
async function hungServer(): Promise<{ url: string; close: () => void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once("data", () => socket.write(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0, 0x5a, 0, 0, 0, 5, 0x49]))); // AuthenticationOk, ReadyForQuery
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `postgresql://u@127.0.0.1:${port}/d`, close: () => (sockets.forEach((s) => s.destroy()), server.close()) };
}

describe.each([
  ["withStatement", withStatement],
  ["withTransaction", withTransaction],
])("%s against a database that stopped answering", (_, atomically) => {
  it("gives up after its timeout with a 503, and destroys the connection rather than wait for a ROLLBACK", async () => {
    const hung = await hungServer();
    const stuck = new pg.Pool({ connectionString: hung.url, max: 1 });
    stuck.on("error", () => undefined);
    try {
      const started = Date.now();
      const err = await atomically(stuck, (client) => client.query("SELECT 1"), 200).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(toAppError(err)).toMatchObject({ status: 503, code: "storage_unavailable" });
      expect(stuck.totalCount).toBe(0);
    } finally {
      await stuck.end();
      hung.close();
    }
  });
});

