// The server refuses each role what it may not do, whatever the UI shows.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signIn, test, type DemoRole, switchUser } from "../fixtures";

async function teamsOf(page: Page): Promise<{ id: string; slug: string }[]> {
  const res = await page.request.get("/api/teams");
  expect(res.status()).toBe(200);
  return (await res.json()).teams;
}

async function createKey(request: APIRequestContext, body: object) {
  return request.post("/api/api-keys", { data: body });
}

test("anonymous callers get 401 and are sent to sign in", async ({ request, page }) => {
  const res = await request.get("/api/api-keys");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("unauthenticated");
  expect((await request.post("/api/api-keys", { data: { name: "x", scopes: ["ingest"] } })).status()).toBe(401);
  expect((await request.get("/api/teams")).status()).toBe(401);
  await page.goto("/settings/api-keys");
  await expect(page).toHaveURL(/\/login/);
});

test("health needs no session", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", db: "ok" });
});

// [role, attempt, expected status]; "own" is the caller's first team
type Attempt = "list keys" | "key for own team" | "org-wide key" | "key for another team" | "admin-scoped key";
const cases: [DemoRole, Attempt, number][] = [
  ["viewer", "list keys", 403],
  ["viewer", "key for own team", 403],
  ["team_lead", "list keys", 200],
  ["team_lead", "key for own team", 201],
  ["team_lead", "org-wide key", 403],
  ["team_lead", "key for another team", 403],
  ["team_lead", "admin-scoped key", 403],
  ["finance", "org-wide key", 201],
  ["admin", "admin-scoped key", 201],
];

function attempt(request: APIRequestContext, what: Attempt, ownTeamId: string, role: DemoRole) {
  const name = `${role}: ${what}`;
  switch (what) {
    case "list keys":
      return request.get("/api/api-keys");
    case "key for own team":
      return createKey(request, { name, scopes: ["ingest"], teamId: ownTeamId });
    case "org-wide key":
      return createKey(request, { name, scopes: ["ingest", "policy"] });
    case "key for another team":
      return createKey(request, { name, scopes: ["ingest"], teamId: "not-one-of-yours" });
    case "admin-scoped key":
      return createKey(request, { name, scopes: ["admin"], teamId: role === "team_lead" ? ownTeamId : undefined });
  }
}

for (const [role, what, status] of cases) {
  test(`${role}: ${what} -> ${status}`, async ({ page }) => {
    await signIn(page, role);
    const [own] = await teamsOf(page);
    const res = await attempt(page.request, what, own.id, role);
    expect(res.status(), await res.text()).toBe(status);
    if (status === 403) expect((await res.json()).error.code).toBe("forbidden");
  });
}

test("bad input names the field", async ({ page }) => {
  await signIn(page, "admin");
  const res = await page.request.post("/api/api-keys", { data: { name: "", scopes: ["root"] } });
  expect(res.status()).toBe(422);
  const body = await res.json();
  expect(body.error.code).toBe("validation_failed");
  expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(["name", "scopes[0]"]));
  const notJson = await page.request.post("/api/api-keys", { data: Buffer.from("{nope"), headers: { "content-type": "application/json" } });
  expect(notJson.status()).toBe(400);
});

test("a team lead cannot revoke another team's key", async ({ page }) => {
  await signIn(page, "team_lead");
  const [leadTeam] = await teamsOf(page);
  await switchUser(page, "admin");
  const otherTeam = (await teamsOf(page)).find((t) => t.id !== leadTeam.id)!;
  const created = await (await createKey(page.request, { name: "other team's key", scopes: ["ingest"], teamId: otherTeam.id })).json();
  await switchUser(page, "team_lead");
  const res = await page.request.delete(`/api/api-keys/${created.apiKey.id}`);
  expect(res.status()).toBe(403);
  // refused, and nothing done: the key is still live
  await switchUser(page, "admin");
  const { apiKeys } = await (await page.request.get("/api/api-keys")).json();
  expect(apiKeys.find((k: { id: string }) => k.id === created.apiKey.id)).toMatchObject({ revokedAt: null });
});
