import { afterAll, describe, expect, it } from "vitest";
import { closeDb, pipelinedPool, pool } from "@/lib/db";
import { makeOrg } from "@/tests/factories";
import { withTransactionEndingIn } from "./with-transaction";

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
