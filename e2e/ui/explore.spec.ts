import { readFile } from "node:fs/promises";
import { expect, signIn, test } from "../fixtures";
import { ListEventsResponse } from "@/lib/schemas/events-log";

test("finance explores spend, drills down to the event log and exports both as CSV", async ({ page }) => {
  await signIn(page, "finance");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Explore" }).click();
  await expect(page.getByRole("heading", { name: "Explore" })).toBeVisible();

  const table = page.getByRole("table", { name: "Spend by team", exact: true });
  await expect(table.getByRole("row", { name: /support/ })).toBeVisible();
  await expect(page.locator(".recharts-area").first()).toBeVisible();

  // group-by, interval and chart kind all land in the URL
  await page.getByLabel("Group by").selectOption("model");
  await expect(page).toHaveURL(/groupBy=model/);
  await expect(page.getByRole("table", { name: "Spend by model", exact: true })).toBeVisible();
  await page.getByLabel("Interval").selectOption("week");
  await expect(page).toHaveURL(/interval=week/);
  // the radio follows the URL: click, then wait for the navigation to check it
  await page.getByLabel("Stacked bars").click();
  await expect(page.getByLabel("Stacked bars")).toBeChecked();
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.getByLabel("Range").selectOption("7d");
  await expect(page).toHaveURL(/range=7d/);

  // a filter, and sharing: the URL alone reproduces the view
  await page.getByLabel("Team").fill("support");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/team=support/);
  await page.reload();
  await expect(page.getByLabel("Team")).toHaveValue("support");
  await expect(page.getByLabel("Group by")).toHaveValue("model");

  // spend table export
  const spendDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const spendCsv = await readFile((await (await spendDownload).path())!, "utf8");
  expect(spendCsv.split("\r\n")[0]).toBe("model,spend_usd,share_pct,change_pct,tokens,requests,cost_per_1k_requests_usd");
  expect(spendCsv.split("\r\n").filter(Boolean).length).toBeGreaterThan(1);

  // drill down from a team to its models, then to a model's features
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByLabel("Group by").selectOption("team");
  await page.getByRole("table", { name: "Spend by team", exact: true }).getByRole("link", { name: "support", exact: true }).click();
  await expect(page).toHaveURL(/team=support/);
  await expect(page).toHaveURL(/groupBy=model/);
  await page.getByRole("table", { name: "Spend by model", exact: true }).locator("tbody tr th a").first().click();
  await expect(page).toHaveURL(/groupBy=feature/);

  // and on to the event log, with the same filters
  await page.getByRole("link", { name: "View events" }).click();
  await expect(page).toHaveURL(/\/explore\/events\?.*team=support/);
  const events = page.getByRole("table", { name: /Events, newest first/ });
  await expect(events.locator("tbody tr").first()).toBeVisible();
  await events.locator("tbody tr").first().getByRole("button").click();
  await expect(page.getByText("Priced as")).toBeVisible();

  const eventsDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const eventsCsv = await readFile((await (await eventsDownload).path())!, "utf8");
  const lines = eventsCsv.split("\r\n").filter(Boolean);
  expect(lines[0]).toMatch(/^id,timestamp,team,feature,provider,model,priced_model,/);
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((l) => l.split(",")[2] === "support")).toBe(true);
  await expect(page.getByText(/Exported [\d,]+ rows/)).toBeVisible();
});

test("a team lead sees only their team in Explore and in the event log", async ({ page }) => {
  await signIn(page, "team_lead");
  await page.goto("/explore");
  const table = page.getByRole("table", { name: "Spend by team", exact: true });
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.locator("tbody tr th a").first()).toHaveText("support");

  const res = await page.request.get("/api/v1/events-log?limit=200");
  expect(res.status()).toBe(200);
  const body = ListEventsResponse.parse(await res.json());
  expect(new Set(body.events.map((e) => e.team))).toEqual(new Set(["support"]));
  expect((await page.request.get("/api/v1/events-log?team=search")).status()).toBe(403);
  expect((await page.request.get("/api/v1/events-log/export?team=search")).status()).toBe(403);
});

test("finance breaks 90 days of spend down by customer, and it adds up to the spend by team", async ({ page }) => {
  await signIn(page, "finance");
  const to = new Date().toISOString();
  const from = new Date(Date.now() - 90 * 86_400_000).toISOString();
  const spend = async (groupBy: string) => {
    const res = await page.request.get(`/api/v1/spend?from=${from}&to=${to}&groupBy=${groupBy}&interval=week`);
    expect(res.status()).toBe(200);
    return res.json();
  };
  const [byCustomer, byTeam] = await Promise.all([spend("customer"), spend("team")]);
  expect(byCustomer.totals).toEqual(byTeam.totals);
  // calls for customers by id, and internal calls (no customer id) as null
  expect(byCustomer.series.filter((s: { key: string | null }) => s.key !== null).length).toBeGreaterThan(1);
  expect(byCustomer.series.some((s: { key: string | null }) => s.key === null)).toBe(true);

  await page.goto("/explore?groupBy=customer&range=90d&interval=week");
  await expect(page.getByRole("table", { name: "Spend by customer", exact: true }).locator("tbody tr").first()).toBeVisible();
});
