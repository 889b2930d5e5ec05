import { expect, signIn, test, switchUser } from "../fixtures";
import { GetRoiResponse } from "@/lib/schemas/roi";

test("finance opens the ROI page on demo data and sees ranked features and the scatter", async ({ page }) => {
  await signIn(page, "finance");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "ROI" }).click();
  await expect(page.getByRole("heading", { name: "ROI per token" })).toBeVisible();

  // ranked by ROI: rank 1 first; features that spend without outcomes are "value unknown", unranked, last
  const ranking = page.getByTestId("roi-ranking");
  const rows = ranking.locator("tbody tr");
  await expect(rows.first().locator("td").first()).toHaveText("1");
  await expect(ranking.getByRole("row", { name: /support-agent/ })).toBeVisible();
  const unknown = ranking.getByRole("row", { name: /query-rewrite/ });
  await expect(unknown).toContainText("value unknown");
  await expect(unknown.locator("td").first()).toHaveText("—");
  await expect(rows.last()).toContainText("value unknown");
  await expect(page.getByRole("group", { name: "ROI totals" })).toContainText("Cost per outcome");

  // the scatter plots features, with a readable table of the same points
  const scatter = page.getByTestId("roi-scatter");
  await expect(scatter.locator(".recharts-scatter-symbol").first()).toBeVisible();
  expect(await scatter.locator(".recharts-scatter-symbol").count()).toBeGreaterThan(3);
  await expect(scatter.getByRole("row", { name: /support-agent/ })).toHaveCount(1);
  await expect(scatter).toContainText("Not plotted:");

  // ROI over time and the model comparison per feature
  await expect(page.getByTestId("roi-over-time").locator(".recharts-line")).toBeVisible();
  await expect(page.getByTestId("roi-models").getByRole("row", { name: /reply-drafts/ })).toContainText("gpt-4o-mini");
  await page.getByLabel("Feature to compare").selectOption("reply-drafts");
  await expect(page.getByTestId("roi-model-chart")).toContainText("reply-drafts");

  // the rules are on the page
  await page.getByText("How value and ROI are attributed").click();
  await expect(page.getByText(/Outcomes with a trace id/)).toBeVisible();

  // grouping by model re-ranks the same range
  await page.getByLabel("Group by").selectOption("model");
  await expect(ranking.getByRole("columnheader", { name: "Model" })).toBeVisible();
  await expect(ranking.getByRole("row", { name: /gpt-4\.1-mini/ })).toBeVisible();
});

test("the ROI API answers per API.md, and a team lead sees their own team only", async ({ page }) => {
  await signIn(page, "team_lead");
  const res = await page.request.get("/api/v1/roi?groupBy=team");
  expect(res.status()).toBe(200);
  const body = GetRoiResponse.parse(await res.json());
  expect(body.rows.map((r) => r.key)).toEqual(["support"]);
  for (const row of body.rows) {
    expect(row.roi === null || row.valueKnown).toBe(true);
  }
  const refused = await page.request.get("/api/v1/roi?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z");
  expect(refused.status()).toBe(422);
});

for (const role of ["team_lead", "viewer"] as const) {
  test(`${role} is refused Settings → Outcomes and the outcome-kinds API, and changes nothing`, async ({ page }) => {
    await signIn(page, "finance");
    const before = await (await page.request.get("/api/outcome-kinds")).json();
    const target = before.kinds[0]?.kind ?? "won";
    await switchUser(page, role);
    await page.goto("/settings/outcomes");
    await expect(page.getByTestId("forbidden")).toBeVisible();
    for (const res of [
      await page.request.get("/api/outcome-kinds"),
      await page.request.post("/api/outcome-kinds", { data: { kind: "won", name: "Won", defaultValueUsd: "1" } }),
      await page.request.patch(`/api/outcome-kinds/${target}`, { data: { name: "x" } }),
      await page.request.delete(`/api/outcome-kinds/${target}`),
    ]) {
      expect(res.status(), res.url()).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
    await switchUser(page, "finance");
    expect((await (await page.request.get("/api/outcome-kinds")).json()).kinds).toEqual(before.kinds);
  });
}
