// Screenshots of the main pages, attached to the test report (playwright-report/).
import { expect, signIn, test } from "../fixtures";

const PAGES: [string, string][] = [
  ["/", "Overview"],
  ["/explore", "Explore"],
  ["/explore/events", "Event log"],
  ["/budgets", "Budgets"],
  ["/roi", "ROI"],
  ["/insights", "Insights"],
  ["/alerts", "Alerts"],
  ["/teams/support", "Team Customer Support"],
  ["/models/gpt-4o-mini", "Model gpt-4o-mini"],
  ["/settings", "Settings"],
  ["/settings/prices", "Prices"],
];

test("main pages, as finance", async ({ page }, testInfo) => {
  // a tour of every page, each waited on until its data has loaded: took 25 s of the default 30 on this machine
  test.setTimeout(PAGES.length * 10_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "finance");
  for (const [path, heading] of PAGES) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toContainText(heading);
    await page.waitForLoadState("networkidle");
    await testInfo.attach(`${heading.toLowerCase().replace(/ /g, "-")}.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  }
});
