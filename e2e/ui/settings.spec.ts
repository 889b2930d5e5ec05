// The organisation's time zone is a setting: admins change it (audited) and
// the dashboard follows it; other roles see it and the server refuses them.
import { expect, signIn, test } from "../fixtures";

test("an admin changes the time zone, the overview follows it, and the change is audited", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Organisation time zone" });
  const zone = form.getByLabel("Time zone");
  const original = await zone.inputValue();
  const target = original === "Europe/Berlin" ? "America/New_York" : "Europe/Berlin";
  try {
    await expect(form.getByRole("button", { name: "Save time zone" })).toBeDisabled();
    await zone.selectOption(target);
    await form.getByRole("button", { name: "Save time zone" }).click();
    await expect(form.getByRole("status")).toHaveText(`Saved: the organisation now uses ${target}.`);
    await expect(page.getByText(`time zone ${target}`)).toBeVisible();

    await page.goto("/");
    await expect(page.getByText(new RegExp(`Month to date \\(.*, ${target.replace("/", "\\/")}\\)`))).toBeVisible();

    await page.goto("/settings/audit");
    await expect(page.getByRole("row", { name: /organization\.update/ }).filter({ hasText: target }).filter({ hasText: "admin@demo.local" }).first()).toBeVisible();
  } finally {
    const res = await page.request.patch("/api/organization", { data: { timeZone: original } });
    expect(res.status()).toBe(200);
  }
});

test("finance sees the time zone but may not change it", async ({ page }) => {
  await signIn(page, "finance");
  await page.goto("/settings");
  await expect(page.getByText(/Only admins change it/)).toBeVisible();
  await expect(page.getByRole("form", { name: "Organisation time zone" })).toHaveCount(0);
  const before = (await (await page.request.get("/api/organization")).json()).organization.timeZone;
  const refused = await page.request.patch("/api/organization", { data: { timeZone: before === "Europe/Berlin" ? "America/New_York" : "Europe/Berlin" } });
  expect(refused.status()).toBe(403);
  expect((await (await page.request.get("/api/organization")).json()).organization.timeZone).toBe(before);
});

test("a zone that does not exist is refused naming the field", async ({ page }) => {
  await signIn(page, "admin");
  const bad = await page.request.patch("/api/organization", { data: { timeZone: "Mars/Olympus" } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.details).toEqual([{ path: "timeZone", message: "must be an IANA time zone name, e.g. Europe/Berlin" }]);
});
