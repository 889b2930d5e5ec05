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

  // the key works on the machine door until revoked, and from then on is refused at once
  const ingest = () => request.post("/api/v1/events", { headers: { authorization: `Bearer ${secret}` }, data: { events: [] } });
  expect((await ingest()).status()).toBe(200);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: /Revoke/ }).click();
  await expect(row).toContainText("revoked");

  for (let i = 0; i < 3; i++) {
    const refused = await ingest();
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("unauthenticated");
  }
});

test("a viewer is refused the API keys page", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/settings/api-keys");
  await expect(page.getByTestId("forbidden")).toBeVisible();
});
