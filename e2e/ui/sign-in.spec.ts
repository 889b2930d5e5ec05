import { expect, signIn, test, USERS, type DemoRole, switchUser } from "../fixtures";

const NAV = ["Overview", "Explore", "Budgets", "ROI", "Insights", "Settings"];

for (const role of Object.keys(USERS) as DemoRole[]) {
  test(`${role} signs in and sees the dashboard shell`, async ({ page }) => {
    await signIn(page, role);
    await expect(page.getByTestId("org-name")).toHaveText("Demo Corp");
    await expect(page.getByTestId("user-name")).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of NAV) await expect(nav.getByRole("link", { name: label })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    // under a dollar (early in a month, for a viewer's teams) it shows up to four decimals
    await expect(page.getByTestId("mtd-spend")).toHaveText(/^\$[\d,]+\.\d{2,4}$/);
    // a header row and at least one team
    await expect(page.getByTestId("top-teams").getByRole("row").nth(1)).toBeVisible();

    await nav.getByRole("link", { name: "Insights" }).click();
    await expect(page.getByRole("heading", { name: "Insights", level: 1 })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Insights" })).toHaveAttribute("aria-current", "page");
    await nav.getByRole("link", { name: "Budgets" }).click();
    await expect(page.getByRole("heading", { name: "Budgets", level: 1 })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
}

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(USERS.finance.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("login-error")).toContainText("email or password is not right");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a team lead sees only their own team's spend", async ({ page }) => {
  await signIn(page, "finance");
  const financeRows = await page.getByTestId("top-teams").getByRole("row").count();
  await switchUser(page, "team_lead");
  await expect(page.getByText("for your teams")).toBeVisible();
  const leadRows = await page.getByTestId("top-teams").getByRole("row").count();
  expect(leadRows).toBe(2); // header + their one team
  expect(financeRows).toBeGreaterThan(leadRows);
});
