// A price override must reach the other processes (web instances, machine
// workers) at commit: they drop their cached organisation context, price
// book included, on the organisation channel.
import { afterAll, beforeAll, describe, it } from "vitest";
import { ORG_CHANNEL } from "@/lib/org/org-context";
import { CreatePriceOverrideBody } from "@/lib/schemas/prices";
import { makeOrg } from "@/tests/factories";
import { listenTo, type Notifications } from "@/tests/notifications";
import { createPriceOverride } from "./create-price-override";
import { deletePriceOverride } from "./delete-price-override";

let notifications: Notifications;
beforeAll(async () => {
  notifications = await listenTo([ORG_CHANNEL]);
});
afterAll(() => notifications.close());

const BODY = CreatePriceOverrideBody.parse({ provider: "openai", model: "gpt-4o", effectiveFrom: "2026-11-01T10:15:30Z", inputPerMTok: "1", outputPerMTok: "1" });

describe("price overrides notify other processes at commit", () => {
  it("on the organisation channel when an override is created, and again when it is deleted", async () => {
    const { org } = await makeOrg();
    const { override } = await createPriceOverride({ ...BODY, orgId: org.id, actorUserId: null });
    await notifications.received(ORG_CHANNEL, org.id);
    await deletePriceOverride({ orgId: org.id, id: override.id, actorUserId: null });
    await notifications.received(ORG_CHANNEL, org.id);
  });
});
