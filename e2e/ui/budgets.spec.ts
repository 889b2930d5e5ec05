import type { Page } from "@playwright/test";
import { expect, signIn, test, switchUser } from "../fixtures";

async function openBudgets(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Budgets" }).click();
  await expect(page.getByRole("heading", { name: "Budgets", level: 1 })).toBeVisible();
}

const budgetRow = (page: Page, name: string) => page.getByTestId("budgets").getByRole("row", { name: new RegExp(name) });

test("finance creates a team budget through the form, sees its state and burn-down, and archives it", async ({ page }) => {
  const name = `e2e search ${Date.now()}`;
  await signIn(page, "finance");
  await openBudgets(page);

  await page.getByRole("button", { name: "New budget" }).click();
  const form = page.getByRole("form", { name: "New budget" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Scope", { exact: true }).selectOption("team");
  await form.getByLabel("Team", { exact: true }).selectOption("search");
  await form.getByLabel("Limit (USD)").fill("-5");
  await form.getByRole("button", { name: "Create budget" }).click();
  // the API's 422 detail is shown next to the field it names
  await expect(form.getByLabel("Limit (USD)")).toHaveAttribute("aria-invalid", "true");
  await expect(form).toContainText("Limit (USD): must be a non-negative decimal");
  await expect(form.getByLabel("Limit (USD)")).toBeFocused();

  await form.getByLabel("Limit (USD)").fill("5000");
  await form.getByLabel("Action").selectOption("downgrade");
  await form.getByLabel("Downgrade to").fill("gpt-4.1-mini");
  await form.getByLabel("Max steps").fill("25");
  await form.getByRole("button", { name: "Create budget" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Budget “${name}” created.` })).toBeVisible();

  const row = budgetRow(page, name);
  await expect(row).toContainText("team: search");
  await expect(row).toContainText("Monthly");
  await expect(row).toContainText("$5,000.00");
  await expect(row).toContainText("OK");
  await expect(row).toContainText("hard · downgrade → gpt-4.1-mini");
  await expect(row.getByRole("cell").nth(6)).toContainText(/\$|too early/);

  const toggle = row.getByRole("button", { name: `Burn-down of ${name}` });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const chart = page.getByRole("figure", { name: `Burn-down of ${name}` });
  await expect(chart).toContainText("Cumulative spend per day");
  // the drawn chart (recharts' keyboard-navigable surface), or the reason it is empty
  await expect(chart.getByRole("application").or(chart.getByText("nothing to draw yet"))).toBeVisible();
  // the table fallback carries every day of the period
  await expect(chart.getByRole("table")).toContainText("Actual (cumulative)");
  expect(await chart.getByRole("table").getByRole("row").count()).toBeGreaterThanOrEqual(29);
  await expect(page.getByText(/linear run rate/).first()).toBeVisible();

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: `Archive ${name}` }).click();
  await expect(budgetRow(page, name)).toHaveCount(0);
});

test("a team lead creates a budget for their own team, and no other", async ({ page }) => {
  const name = `e2e support ${Date.now()}`;
  await signIn(page, "team_lead");
  await openBudgets(page);

  await page.getByRole("button", { name: "New budget" }).click();
  const form = page.getByRole("form", { name: "New budget" });
  await expect(form.getByLabel("Scope", { exact: true }).locator("option")).toHaveText(["Team"]);
  await expect(form.getByLabel("Team", { exact: true }).locator("option")).toHaveText(["Customer Support"]);
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Period").selectOption("week");
  await form.getByLabel("Limit (USD)").fill("300");
  await form.getByRole("button", { name: "Create budget" }).click();

  const row = budgetRow(page, name);
  await expect(row).toContainText("team: support");
  await expect(row).toContainText("Weekly");
  await expect(row).toContainText("$300.00");

  const refused = await page.request.post("/api/v1/budgets", { data: { name: `${name} org`, scope: { type: "org" }, period: "month", limitUsd: "1" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden");
});

test("a viewer sees budgets read-only and the API refuses their writes", async ({ page }) => {
  // a budget of a team the viewer belongs to, so that there is a row to see
  const name = `e2e viewed ${Date.now()}`;
  await signIn(page, "finance");
  const created = await page.request.post("/api/v1/budgets", { data: { name, scope: { type: "team", value: "search" }, period: "month", limitUsd: "1000000" } });
  expect(created.status()).toBe(201);
  await switchUser(page, "viewer");
  await openBudgets(page);
  await expect(budgetRow(page, name)).toContainText("team: search");
  await expect(page.getByRole("button", { name: "New budget" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Archive/ })).toHaveCount(0);

  const viewerBudget = `e2e viewer's ${Date.now()}`;
  const res = await page.request.post("/api/v1/budgets", { data: { name: viewerBudget, scope: { type: "team", value: "search" }, period: "month", limitUsd: "10" } });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("forbidden");
  await page.reload();
  await expect(budgetRow(page, name)).toBeVisible();
  await expect(budgetRow(page, viewerBudget)).toHaveCount(0);
});

test("finance opens the audit log and sees who created a budget", async ({ page }) => {
  const name = `e2e audited ${Date.now()}`;
  await signIn(page, "finance");
  const created = await page.request.post("/api/v1/budgets", { data: { name, scope: { type: "feature", value: "answer" }, period: "day", limitUsd: "20" } });
  expect(created.status()).toBe(201);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Open the audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const entry = page.getByTestId("audit-log").getByRole("row", { name: new RegExp(name) });
  await expect(entry).toContainText("budget.create");
  await expect(entry).toContainText("finance@demo.local");
  await expect(entry).toContainText("limitUsd");
  await expect(entry).toContainText("20.000000000");

  const { budget } = await created.json();
  expect((await page.request.delete(`/api/v1/budgets/${budget.id}`)).status()).toBe(200);
});
