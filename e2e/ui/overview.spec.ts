import { expect, signIn, test } from "../fixtures";

test("finance sees month to date, the forecast with its method, the chart and the top lists", async ({ page }) => {
  await signIn(page, "finance");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.getByText("for the whole organisation")).toBeVisible();
  await expect(page.getByTestId("mtd-spend")).toHaveText(/^\$[\d,]+\.\d{2}$/);
  await expect(page.getByTestId("mtd-change")).toContainText("at the same point last month");
  await expect(page.getByTestId("forecast")).toHaveText(/^\$[\d,]+\.\d{2}$/);
  await expect(page.getByTestId("forecast-method")).toContainText("trailing 28-day average for its weekday");
  await expect(page.getByRole("figure", { name: "Spend per day, last 90 days" })).toBeVisible();
  await expect(page.getByTestId("spend-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();

  for (const list of ["top-teams", "top-models", "top-features"]) {
    const rows = page.getByTestId(list).getByRole("row");
    await expect(rows).not.toHaveCount(0);
    expect(await rows.count()).toBeLessThanOrEqual(6); // header + top 5
  }
  const firstTeam = page.getByTestId("top-teams").getByRole("link").first();
  await expect(firstTeam).toHaveAttribute("href", /^\/teams\//);
  await expect(page.getByRole("heading", { name: "Biggest movers: models" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Budget burn" })).toBeVisible();
});

test("a team lead's Overview shows their team only", async ({ page }) => {
  await signIn(page, "team_lead");
  await expect(page.getByText("for your teams")).toBeVisible();
  const teams = page.getByTestId("top-teams").getByRole("link");
  await expect(teams).toHaveCount(1);
  await expect(teams.first()).toHaveAttribute("href", "/teams/support");
  for (const row of await page.getByTestId("movers-teams").getByRole("link").all()) {
    await expect(row).toHaveAttribute("href", "/teams/support");
  }
  await expect(page.getByRole("link", { name: /Settings → Prices/ })).toHaveCount(0);
});
