import type { Page } from "@playwright/test";
import { expect, signIn, test, type DemoRole, switchUser } from "../fixtures";

async function openPrices(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Manage prices" }).click();
  await expect(page.getByRole("heading", { name: "Prices", exact: true })).toBeVisible();
}

/** Sends one event of a model no catalog knows, through an API key made for it. */
async function sendUnpricedEvent(page: Page, model: string) {
  const teams = (await (await page.request.get("/api/teams")).json()).teams as { slug: string }[];
  const created = await page.request.post("/api/api-keys", { data: { name: `e2e prices ${model}`, scopes: ["ingest"] } });
  expect(created.status()).toBe(201);
  const { secret } = await created.json();
  const res = await page.request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${secret}` },
    data: { events: [{ id: `e2e-${model}`, team: teams[0].slug, provider: "e2e-lab", model, usage: { inputTokens: 1000, outputTokens: 100 } }] },
  });
  expect(await res.json()).toMatchObject({ accepted: 1 });
}

test("finance prices an unpriced model from the panel, sees the override listed, and deletes it", async ({ page }) => {
  const model = `e2e-model-${Date.now()}`;
  await signIn(page, "finance");
  await sendUnpricedEvent(page, model);
  await openPrices(page);

  const unpriced = page.getByTestId("unpriced-models").getByRole("row", { name: new RegExp(model) });
  await expect(unpriced).toContainText("e2e-lab");
  await unpriced.getByRole("button", { name: /Add a price/ }).click();

  const form = page.getByRole("form", { name: "Add a price override" });
  await expect(form.getByLabel("Provider", { exact: true })).toHaveValue("e2e-lab");
  await expect(form.getByLabel("Model", { exact: true })).toHaveValue(model);
  await expect(form.getByLabel("Effective from (UTC)")).toHaveValue(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
  await expect(form.getByLabel("Input price", { exact: true })).toBeFocused();

  await form.getByLabel("Input price", { exact: true }).fill("1.5");
  await form.getByLabel("Output price", { exact: true }).fill("-2");
  await form.getByRole("button", { name: "Add override" }).click();
  await expect(form.getByLabel("Output price", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form).toContainText("Output price must be a non-negative decimal");

  await form.getByLabel("Output price", { exact: true }).fill("6");
  await form.getByRole("button", { name: "Add override" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Override added" })).toContainText(`e2e-lab/${model}: 1 unpriced event re-priced`);
  await expect(page.getByTestId("unpriced-models").getByRole("row", { name: new RegExp(model) })).toHaveCount(0);

  const listed = page.getByTestId("price-overrides").getByRole("row", { name: new RegExp(model) });
  await expect(listed).toContainText("$1.5");
  await expect(listed).toContainText("$6");

  page.once("dialog", (dialog) => dialog.accept());
  await listed.getByRole("button", { name: /Delete/ }).click();
  await expect(page.getByTestId("price-overrides").getByRole("row", { name: new RegExp(model) })).toHaveCount(0);
});

test("finance searches the catalog page by page", async ({ page }) => {
  await signIn(page, "finance");
  await openPrices(page);
  const pages = page.getByRole("navigation", { name: "Catalog pages" });
  await expect(pages).toContainText(/Page 1 of \d+/);
  await pages.getByRole("button", { name: "Next page" }).click();
  await expect(pages).toContainText(/Page 2 of \d+/);
  await expect(pages.getByRole("button", { name: "Previous page" })).toBeEnabled();

  const search = page.getByRole("search", { name: "Search the price catalog" });
  await search.getByLabel("Search models").fill("gpt-4o");
  await search.getByLabel("Catalog provider").selectOption("openai");
  await search.getByRole("button", { name: "Search" }).click();
  const catalog = page.getByTestId("price-catalog");
  await expect(catalog.getByRole("row", { name: /gpt-4o/ }).first()).toBeVisible();
  await expect(pages).toContainText("Page 1 of");
  for (const row of await catalog.locator("tbody tr").all()) await expect(row).toContainText("openai");
});

for (const role of ["team_lead", "viewer"] as DemoRole[]) {
  test(`${role} is refused the prices page and API, and changes nothing`, async ({ page }) => {
    await signIn(page, "finance");
    const before = await (await page.request.get("/api/prices/overrides")).json();
    await switchUser(page, role);
    await page.goto("/settings/prices");
    await expect(page.getByTestId("forbidden")).toBeVisible();
    const body = { provider: "openai", model: "gpt-4o", effectiveFrom: "2026-12-01T00:00:00Z", inputPerMTok: "1", outputPerMTok: "1" };
    for (const res of [
      await page.request.get("/api/prices/overrides"),
      await page.request.post("/api/prices/overrides", { data: body }),
      await page.request.delete(`/api/prices/overrides/${before.overrides[0]?.id ?? "any-id"}`),
      await page.request.get("/api/prices/catalog?q=gpt"),
      await page.request.get("/api/prices/unpriced"),
    ]) {
      expect(res.status(), res.url()).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
    await switchUser(page, "finance");
    expect(await (await page.request.get("/api/prices/overrides")).json()).toEqual(before);
  });
}
