// Teams, models and features have pages, reachable from every mention of one.
import { expect, signIn, test } from "../fixtures";

test("finance goes from the overview to a team's page, on to its features and models, and to the event log", async ({ page }) => {
  await signIn(page, "finance");
  const firstTeam = page.getByTestId("top-teams").getByRole("link").first();
  const teamName = (await firstTeam.textContent())!.trim();
  await firstTeam.click();
  await expect(page).toHaveURL(/\/teams\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Team ${teamName}`);
  await expect(page.getByText(/Last 30 days: \$[\d,.]+/)).toBeVisible();

  // each breakdown key links to its own page
  const byFeature = page.getByRole("table", { name: new RegExp(`spend by feature$`) });
  const feature = byFeature.locator("tbody tr th a").first();
  const featureName = (await feature.textContent())!.trim();
  await feature.click();
  await expect(page).toHaveURL(new RegExp(`/features/${encodeURIComponent(featureName)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Feature ${featureName}`);
  await page.getByRole("table", { name: /spend by model$/ }).locator("tbody tr th a").first().click();
  await expect(page).toHaveURL(/\/models\//);
  await expect(page.getByRole("heading", { name: /^By team$/ })).toBeVisible();

  // and from the event log, a row's team, model and feature
  await page.getByRole("link", { name: "View events" }).click();
  const row = page.getByRole("table", { name: /Events, newest first/ }).locator("tbody tr").first();
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/teams\//);
});

test("Explore and Budgets link to the pages too", async ({ page }) => {
  await signIn(page, "finance");
  await page.goto("/explore?groupBy=model");
  await page.getByRole("table", { name: "Spend by model", exact: true }).getByRole("link", { name: /: its page$/ }).first().click();
  await expect(page).toHaveURL(/\/models\//);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Model ");

  const created = await page.request.post("/api/v1/budgets", { data: { name: "entity page link", scope: { type: "feature", value: "answer" }, period: "day", limitUsd: "20" } });
  expect(created.status()).toBe(201);
  try {
    await page.goto("/budgets");
    await page.getByRole("row", { name: /entity page link/ }).getByRole("link", { name: "feature: answer" }).click();
    await expect(page).toHaveURL(/\/features\/answer$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Feature answer");
  } finally {
    expect((await page.request.delete(`/api/v1/budgets/${(await created.json()).budget.id}`)).status()).toBe(200);
  }

  const missing = await page.goto("/teams/no-such-team");
  expect(missing?.status()).toBe(404);
  // a name no feature can have, and a model name with a slash (its page, empty)
  expect((await page.goto("/features/Not%20A%20Feature"))?.status()).toBe(404);
  await page.goto("/models/meta-llama%2FLlama-3-70b");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Model meta-llama/Llama-3-70b");
  await expect(page.getByText("No spend on this model in the last 30 days.")).toBeVisible();
});

test("a team lead sees their own team's page and is refused another team's", async ({ page }) => {
  await signIn(page, "team_lead");
  await page.goto("/teams/support");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Team ");
  await page.goto("/teams/search");
  await expect(page.getByTestId("forbidden")).toBeVisible();
});
