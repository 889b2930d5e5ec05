import { beforeAll, describe, expect, it } from "vitest";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { prisma } from "@/lib/db";
import { RUNAWAY } from "@/lib/seed/demo-catalog";
import { seedOrg } from "@/lib/seed/seed-org";
import { webhookBody } from "@/lib/webhooks/format-payload";
import { randomSlug } from "@/tests/factories";
import { raiseInsightAlerts } from "./raise-insight-alerts";
import { DAY_MS } from "./types";

const END = new Date("2026-11-28T06:00:00Z");

describe("insight alerts", () => {
  let orgId = "";

  beforeAll(async () => {
    ({ orgId } = await seedOrg({ slug: randomSlug("ial"), events: 40_000, days: 60, end: END }));
    await prisma().webhook.create({ data: { orgId, name: "ops", url: "http://127.0.0.1:9/hook", format: "slack", secret: "s", secretPrefix: "s" } });
  }, 60_000);

  it("raises the runaway agent and its spike once each, with a webhook delivery, and never twice", async () => {
    // the sweeper's view a day and a half after the runaway trace started
    const now = new Date(END.getTime() - (RUNAWAY.daysBeforeEnd - 1.5) * DAY_MS);
    expect(await raiseInsightAlerts(orgId, now)).toBe(2);
    const { alerts } = await listAlerts({ orgId, teamIds: null, status: "all", limit: 50 });
    expect(alerts.map((a) => a.kind).sort()).toEqual(["anomaly", "runaway_agent"]);
    const runaway = alerts.find((a) => a.kind === "runaway_agent")!;
    expect(runaway.payload).toMatchObject({ feature: RUNAWAY.feature, team: "data-science" });
    expect(runaway.payload && "traceId" in runaway.payload ? runaway.payload.traceId : null).toMatch(/-t0$/);

    const deliveries = await prisma().webhookDelivery.findMany({ where: { orgId } });
    expect(deliveries.map((d) => d.event)).toEqual(alerts.map(() => "insight.alert"));
    const slack = JSON.parse(webhookBody("slack", runaway, "insight.alert")) as { text: string; blocks: Array<{ text?: { text: string } }> };
    expect(slack.blocks[0].text?.text).toContain("Runaway agent");

    // a team-limited reader sees the alerts of their own teams only
    const teamId = async (slug: string) => (await prisma().team.findFirstOrThrow({ where: { orgId, slug } })).id;
    const ofDataScience = await listAlerts({ orgId, teamIds: [await teamId("data-science")], status: "all", limit: 50 });
    expect(ofDataScience.alerts.map((a) => a.id).sort()).toEqual(alerts.filter((a) => a.payload && "team" in a.payload && a.payload.team === "data-science").map((a) => a.id).sort());
    expect(ofDataScience.alerts.length).toBeGreaterThanOrEqual(2);
    expect((await listAlerts({ orgId, teamIds: [await teamId("legal")], status: "all", limit: 50 })).alerts).toEqual([]);

    // the next sweep finds the same insights: nothing new
    expect(await raiseInsightAlerts(orgId, new Date(now.getTime() + 600_000))).toBe(0);
    expect(await prisma().alert.count({ where: { orgId } })).toBe(alerts.length);
  });

  it("raises nothing for a quiet stretch", async () => {
    const quiet = new Date(END.getTime() - 30 * DAY_MS);
    expect(await raiseInsightAlerts(orgId, quiet)).toBe(0);
  });
});
