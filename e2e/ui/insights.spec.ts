import type { Page } from "@playwright/test";
import { expect, signIn, test } from "../fixtures";
import type { ListBudgetsResponse } from "@/lib/schemas/budget-reads";

// The demo organisation (seeded by `npm start`) carries planted waste:
// ticket-triage (support) on claude-opus-4-1, repeated prompts in
// reply-drafts (support), one runaway trace in research-agent (data-science)
// 9-12 days back with its spike, and no budgets.

async function openInsights(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { name: "Insights", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Insights summary" })).toBeVisible();
}

const list = (page: Page) => page.getByTestId("insights-list");
const card = (page: Page, title: RegExp) => list(page).getByRole("article", { name: title });

/** Opens the collapsed "Dismissed (n)" section. */
async function openDismissed(page: Page) {
  const section = page.getByTestId("dismissed-insights");
  if ((await section.getAttribute("open")) === null) await section.locator("summary").click();
  return section;
}

test("finance sees the planted waste ranked by dollars and filters it by kind", async ({ page }) => {
  await signIn(page, "finance");
  await openInsights(page);
  await expect(page.getByTestId("insights-total-savings")).toHaveText(/^\$\d/);
  await expect(page.getByRole("region", { name: "Insights summary" })).toContainText(/read the last \d+ days? of raw events/);

  // right-sizing: ticket-triage on claude-opus-4-1, with its monthly savings and the cheaper candidates
  const triage = card(page, /^Right-size ticket-triage: claude-opus-4-1 → /);
  await expect(triage).toBeVisible();
  await expect(triage.locator(".insight-dollars")).toContainText(/\$\d[\d,]*\.\d\d\s*monthly savings/);
  await expect(triage.getByRole("link", { name: "Feature ticket-triage: open in Explore" })).toHaveAttribute("href", /\/explore\?.*team=support.*feature=ticket-triage/);
  await triage.locator("summary", { hasText: "Evidence" }).click();
  const candidates = triage.getByRole("table", { name: "Cheaper models priced on the same tokens" });
  await expect(candidates.getByRole("row", { name: /claude-opus-4-1 \(today\)/ })).toBeVisible();
  expect(await candidates.getByRole("row").count()).toBeGreaterThanOrEqual(3);
  await expect(triage.getByRole("button", { name: /^Downgrade ticket-triage to / })).toBeVisible();
  await expect(triage.getByRole("button", { name: "Dismiss" })).toBeVisible();

  // the runaway trace's day is a spike of research-agent, explained by its driver
  const spike = card(page, /^Spend spike in research-agent on \d{4}-\d\d-\d\d$/);
  await expect(spike).toBeVisible();
  await expect(spike.locator(".insight-dollars")).toContainText(/\$\d.*at stake/);
  await spike.locator("summary", { hasText: "Evidence" }).click();
  await expect(spike).toContainText("Cost vs baseline");
  await expect(spike).toContainText(/Driver/);
  await expect(spike.getByRole("link", { name: /^Open \d{4}-\d\d-\d\d in Explore$/ })).toHaveAttribute("href", /range=custom.*feature=research-agent/);

  // no budget exists: unbudgeted teams, with a suggested budget
  await expect(list(page).locator('[data-kind="unbudgeted"]').first()).toBeVisible();

  // the repeated prompts of reply-drafts and the runaway agent
  await expect(card(page, /^Cache repeated prompts of reply-drafts$/)).toBeVisible();
  await expect(card(page, /^Runaway agent in research-agent$/)).toBeVisible();

  // filter by kind: only right-sizing, then back to all
  const filter = page.getByRole("group", { name: "Filter by kind" });
  await filter.getByRole("button", { name: /^Right-size \(\d+\)$/ }).click();
  await expect(filter.getByRole("button", { name: /^Right-size/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/kind=right_size/);
  await expect(list(page).locator('[data-testid="insight"]:not([data-kind="right_size"])')).toHaveCount(0);
  await expect(triage).toBeVisible();
  await filter.getByRole("button", { name: /^Anomaly \(\d+\)$/ }).click();
  await expect(spike).toBeVisible();
  await expect(triage).toHaveCount(0);
  await filter.getByRole("button", { name: /^All \(\d+\)$/ }).click();
  await expect(triage).toBeVisible();

  // another range is a new URL, fetched by the page
  await page.getByRole("button", { name: "Last 90 days" }).click();
  await expect(page).toHaveURL(/days=90/);
  await expect(page.getByRole("button", { name: "Last 90 days" })).toHaveAttribute("aria-pressed", "true");
  await expect(triage).toBeVisible();
});

test("finance dismisses an insight with a reason, finds it under Dismissed and restores it", async ({ page }) => {
  const reason = `e2e: handled elsewhere ${Date.now()}`;
  await signIn(page, "finance");
  await openInsights(page);
  const triage = card(page, /^Right-size ticket-triage: /);
  const title = (await triage.getByRole("heading").textContent())?.trim() ?? "";
  const id = `right_size:support:ticket-triage:claude-opus-4-1`;
  try {
    await triage.getByRole("button", { name: "Dismiss" }).click();
    const form = page.getByRole("form", { name: `Dismiss ${title}` });
    const input = form.getByLabel("Why dismiss this insight?");
    await expect(input).toBeFocused();
    // a reason is required
    await input.fill("x");
    await form.getByRole("button", { name: "Dismiss insight" }).click();
    await expect(form.getByRole("alert")).toContainText("at least 3 characters");
    await expect(input).toHaveAttribute("aria-invalid", "true");

    await input.fill(reason);
    await form.getByRole("button", { name: "Dismiss insight" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Dismissed “${title}”.` })).toBeVisible();
    await expect(triage).toHaveCount(0);

    const dismissed = await openDismissed(page);
    await expect(dismissed.locator("summary")).toContainText(/Dismissed \([1-9]\d*\)/);
    const row = dismissed.getByRole("row", { name: new RegExp(reason) });
    await expect(row).toContainText(title);
    await expect(row).toContainText("Fiona Finance");

    await row.getByRole("button", { name: `Restore ${title}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `Restored “${title}”.` })).toBeVisible();
    await expect(dismissed.getByRole("row", { name: new RegExp(reason) })).toHaveCount(0);
    await expect(triage).toBeVisible();
  } finally {
    await page.request.delete(`/api/v1/insights/dismissals/${encodeURIComponent(id)}`);
  }
});

async function archiveBudgetsNamed(page: Page, name: string) {
  const { budgets } = (await (await page.request.get("/api/v1/budgets")).json()) as ListBudgetsResponse;
  for (const b of budgets.filter((b) => b.name === name && !b.archived)) {
    expect((await page.request.delete(`/api/v1/budgets/${b.id}`)).status()).toBe(200);
  }
}

test("finance reads the runaway agent and repeated prompts, and creates the suggested agent guard", async ({ page }) => {
  const name = "Agent guard for research-agent";
  await signIn(page, "finance");
  await archiveBudgetsNamed(page, name);
  await openInsights(page);
  // a range the page fetches itself (the first one is rendered by the server)
  await page.getByRole("button", { name: "Last 90 days" }).click();
  await expect(page).toHaveURL(/days=90/);

  const redundancy = card(page, /^Cache repeated prompts of reply-drafts$/);
  await expect(redundancy.locator(".insight-dollars")).toContainText(/\$\d.*monthly savings/);
  await redundancy.locator("summary", { hasText: "Evidence" }).click();
  await expect(redundancy).toContainText("Repeated prompts");
  await expect(redundancy).toContainText("Exact-match cache would save");
  await expect(redundancy).toContainText("Answered from the cache today");
  await expect(redundancy).toContainText("Provider prompt caching uptake");

  const runaway = card(page, /^Runaway agent in research-agent$/);
  await expect(runaway.getByRole("link", { name: "Team data-science: open in Explore" })).toBeVisible();
  await runaway.locator("summary", { hasText: "Evidence" }).click();
  const worst = runaway.getByRole("table", { name: "Worst traces" });
  await expect(worst.getByRole("row").nth(1)).toBeVisible();
  const traceLink = worst.getByRole("link", { name: /^Events of trace / }).first();
  await expect(traceLink).toHaveAttribute("href", /\/explore\/events\?range=90d&traceId=/);
  await expect(runaway).toContainText(/Suggested guard\s*at most \d+ steps or \$[\d.,]+ per trace/);

  // the suggested budget: its terms first, then one click creates it
  await runaway.getByRole("button", { name: /^Guard research-agent: / }).click();
  const confirm = runaway.getByRole("region", { name: "Create this budget?" });
  await expect(confirm).toContainText(name);
  await expect(confirm).toContainText(/Limit\s*\$\d[\d,]*\.\d\d/);
  await expect(confirm).toContainText(/Period\s*Monthly/);
  await expect(confirm).toContainText(/Agent guard\s*at most \d+ steps/);
  const create = confirm.getByRole("button", { name: "Create budget" });
  await expect(create).toBeFocused();
  try {
    await create.click();
    await expect(page.getByRole("status").filter({ hasText: `Budget “${name}” created.` })).toBeVisible();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Budgets" }).click();
    const row = page.getByTestId("budgets").getByRole("row", { name: new RegExp(name) });
    await expect(row.first()).toContainText("feature: research-agent");
  } finally {
    await archiveBudgetsNamed(page, name);
  }
});

test("a viewer sees their teams' insights without dismiss or action buttons", async ({ page }) => {
  await signIn(page, "viewer");
  await openInsights(page);
  const teamSelect = page.getByLabel("Team");
  await expect(teamSelect.locator("option")).toHaveText(["All my teams", "Growth", "Search"]);
  // the demo holds insights for Search or Growth: they can be read, not changed
  await expect(list(page).locator('[data-testid="insight"]').first()).toBeVisible();
  for (const team of await list(page).locator(".insight-chip").filter({ hasText: "Team" }).allTextContents()) {
    expect(team).toMatch(/Team (search|growth)$/);
  }
  await expect(list(page).getByRole("button", { name: "Dismiss" })).toHaveCount(0);
  await expect(list(page).locator(".insight-actions")).toHaveCount(0);
  const dismissed = await openDismissed(page);
  await expect(dismissed.getByRole("button", { name: /^Restore / })).toHaveCount(0);
});

test("a team lead of support sees only support's insights, and is refused another team's", async ({ page }) => {
  await signIn(page, "team_lead");
  await openInsights(page);
  await expect(page.getByLabel("Team").locator("option")).toHaveText(["All my teams", "Customer Support"]);
  await expect(card(page, /^Right-size ticket-triage: /)).toBeVisible();
  const teams = await list(page).locator(".insight-chip").filter({ hasText: "Team" }).allTextContents();
  expect(teams.length).toBeGreaterThan(0);
  for (const team of teams) expect(team).toMatch(/Team support$/);
  await expect(card(page, /research-agent/)).toHaveCount(0);
  // a lead manages their own team's insights
  await expect(card(page, /^Right-size ticket-triage: /).getByRole("button", { name: "Dismiss" })).toBeVisible();

  await page.goto("/insights?team=data-science");
  await expect(page.getByRole("alert").filter({ hasText: "You may read the insights of your own teams only" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
});
