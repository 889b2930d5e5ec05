import { describe, expect, it } from "vitest";
import { knownTimeZones, UpdateOrganizationBody } from "./organization";

describe("UpdateOrganizationBody", () => {
  it("accepts IANA zones and UTC", () => {
    for (const timeZone of ["UTC", "Europe/Berlin", "Asia/Kolkata", "America/St_Johns"]) {
      expect(UpdateOrganizationBody.parse({ timeZone })).toEqual({ timeZone });
    }
  });

  it.each([["Mars/Olympus"], ["+02:00"], [""], [42]])("refuses %j naming timeZone", (timeZone) => {
    const result = UpdateOrganizationBody.safeParse({ timeZone });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ["timeZone"], message: "must be an IANA time zone name, e.g. Europe/Berlin" });
  });

  it("corrects the case of a zone and keeps aliases as given", () => {
    expect(UpdateOrganizationBody.parse({ timeZone: " europe/berlin " })).toEqual({ timeZone: "Europe/Berlin" });
    expect(UpdateOrganizationBody.parse({ timeZone: "Asia/Kolkata" })).toEqual({ timeZone: "Asia/Kolkata" });
  });

  it("refuses other fields", () => {
    expect(UpdateOrganizationBody.safeParse({ timeZone: "UTC", name: "x" }).success).toBe(false);
  });

  it("lists zones sorted, UTC included", () => {
    const zones = knownTimeZones();
    expect(zones).toContain("UTC");
    expect(zones).toContain("Europe/Berlin");
    expect([...zones].sort()).toEqual(zones);
  });
});
