import { expect, signIn, test } from "../fixtures";

test("finance creates an API key, sees it once, and revokes it", async ({ page, request }) => {
  await signIn(page, "finance");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Manage API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();

  const name = `e2e key ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("new-api-key").textContent()) ?? "";
  expect(secret).toMatch(/^fo_[\w-]{43}$/);

  const row = page.getByTestId("api-keys").getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(secret.slice(0, 10));
  await expect(row).not.toContainText(secret);
  await expect(row).toContainText("never");

  // the key works on the machine door until revoked (health needs no key, so
  // check what the list says; the ingest issue exercises keys on its routes)
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: /Revoke/ }).click();
  await expect(row).toContainText("revoked");

  const health = await request.get("/api/health");
  expect(await health.json()).toEqual({ status: "ok", db: "ok" });
});

test("a viewer is refused the API keys page", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/settings/api-keys");
  await expect(page.getByTestId("forbidden")).toBeVisible();
});
