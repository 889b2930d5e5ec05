import { z } from "zod";
import { resolveTimeZone } from "@/lib/time/zoned";

/** IANA time zones this runtime knows (plus UTC, which supportedValuesOf may leave out). */
export function knownTimeZones(): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC");
  return [...zones].sort();
}

const ZONE_MESSAGE = "must be an IANA time zone name, e.g. Europe/Berlin";

/** An IANA zone name; aliases stay as given (Asia/Kolkata), only the case is corrected. */
export const TimeZone = z
  .string({ error: ZONE_MESSAGE })
  .trim()
  .transform((zone, ctx) => {
    const resolved = zone.startsWith("+") || zone.startsWith("-") ? null : resolveTimeZone(zone);
    if (resolved === null) {
      ctx.addIssue({ code: "custom", message: ZONE_MESSAGE });
      return z.NEVER;
    }
    return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
  });

/** PATCH /api/organization */
export const UpdateOrganizationBody = z.object({ timeZone: TimeZone }).strict();
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBody>;

export const OrganizationSettings = z.object({ slug: z.string(), name: z.string(), timeZone: z.string() }).strict();
export type OrganizationSettings = z.infer<typeof OrganizationSettings>;
export type OrganizationResponse = { organization: OrganizationSettings };
