import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { prisma, pool } from "@/lib/db";
import { makeOrg } from "@/tests/factories";
import { authenticateApiKey } from "./authenticate-api-key";
import { createApiKey } from "./create-api-key";
import { hashApiKey } from "./key-format";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";

const allow = () => {};

describe("API keys", () => {
  it("stores only a hash and authenticates the secret with its scopes and team", async () => {
    const { org, teams } = await makeOrg();
    const { apiKey, secret } = await createApiKey({ orgId: org.id, name: "svc", scopes: ["ingest"], teamId: teams[0].id });
    const { rows } = await pool().query("SELECT key_hash, prefix FROM api_keys WHERE id = $1", [apiKey.id]);
    expect(rows[0].key_hash).toBe(hashApiKey(secret));
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(apiKey.teamSlug).toBe(teams[0].slug);

    const principal = await authenticateApiKey(`Bearer ${secret}`, "ingest");
    expect(principal).toEqual({ orgId: org.id, keyId: apiKey.id, scopes: ["ingest"], teamId: teams[0].id });
    await expect(authenticateApiKey(`Bearer ${secret}`, "policy")).rejects.toMatchObject({ code: "forbidden" });
  });

  it.each([undefined, "", "Basic abc", "Bearer fo_unknown", `Bearer fo_${"x".repeat(43)}`])("refuses %j with 401", async (header) => {
    await expect(authenticateApiKey(header, "ingest")).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("refuses a revoked key and records who did what in the audit log", async () => {
    const { org } = await makeOrg();
    const { apiKey, secret } = await createApiKey({ orgId: org.id, name: "old", scopes: ["policy"] });
    const revoked = await revokeApiKey({ orgId: org.id, id: apiKey.id, actorUserId: null, authorize: allow });
    expect(revoked.revokedAt).not.toBeNull();
    const again = await revokeApiKey({ orgId: org.id, id: apiKey.id, actorUserId: null, authorize: allow });
    expect(again.revokedAt).toBe(revoked.revokedAt);
    await expect(authenticateApiKey(`Bearer ${secret}`, "policy")).rejects.toMatchObject({ code: "unauthenticated" });
    const audit = await prisma().auditLog.findMany({ where: { orgId: org.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["api_key.create", "api_key.revoke"]);
  });

  it("lets authorize veto a revoke and leaves the key working", async () => {
    const { org } = await makeOrg();
    const { apiKey, secret } = await createApiKey({ orgId: org.id, name: "keep", scopes: ["ingest"] });
    const deny = () => {
      throw new Error("no");
    };
    await expect(revokeApiKey({ orgId: org.id, id: apiKey.id, actorUserId: null, authorize: deny })).rejects.toThrow("no");
    await expect(authenticateApiKey(`Bearer ${secret}`, "ingest")).resolves.toMatchObject({ keyId: apiKey.id });
  });

  it("does not reach across organisations", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const { apiKey } = await createApiKey({ orgId: a.org.id, name: "a", scopes: ["ingest"] });
    await expect(revokeApiKey({ orgId: b.org.id, id: apiKey.id, actorUserId: null, authorize: allow })).rejects.toMatchObject({ code: "not_found" });
    await expect(createApiKey({ orgId: b.org.id, name: "x", scopes: ["ingest"], teamId: a.teams[0].id })).rejects.toMatchObject({ code: "validation_failed" });
    expect(await listApiKeys({ orgId: b.org.id, teamIds: null })).toEqual([]);
  });

  it("limits the list to the given teams", async () => {
    const { org, teams } = await makeOrg();
    await createApiKey({ orgId: org.id, name: "alpha", scopes: ["ingest"], teamId: teams[0].id });
    await createApiKey({ orgId: org.id, name: "beta", scopes: ["ingest"], teamId: teams[1].id });
    await createApiKey({ orgId: org.id, name: "any", scopes: ["ingest"] });
    expect((await listApiKeys({ orgId: org.id, teamIds: [teams[0].id] })).map((k) => k.name)).toEqual(["alpha"]);
    expect(await listApiKeys({ orgId: org.id, teamIds: null })).toHaveLength(3);
  });

  it("npm run apikey prints the new key alone on its last line", async () => {
    const { org, teams } = await makeOrg();
    const stdout = execFileSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "scripts/apikey.ts", "--org", org.slug, "--name", "cli key", "--team", teams[1].slug, "--scopes", "ingest,policy"],
      { env: { ...process.env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    const lastLine = stdout.trimEnd().split("\n").at(-1)!;
    expect(lastLine).toMatch(/^fo_[\w-]{43}$/);
    await expect(authenticateApiKey(`Bearer ${lastLine}`, "policy")).resolves.toMatchObject({ orgId: org.id, teamId: teams[1].id });
  });

  it("the apikey CLI refuses bad arguments with exit code 2", () => {
    const run = (args: string[]) => {
      try {
        execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/apikey.ts", ...args], { env: process.env, stdio: "pipe" });
        return 0;
      } catch (err) {
        return (err as { status: number }).status;
      }
    };
    expect(run(["--name", "x"])).toBe(2);
    expect(run(["--org", "no-such-org-anywhere", "--name", "x"])).toBe(2);
    expect(run(["--org", "x", "--name", "x", "--scopes", "root"])).toBe(2);
  });
});
