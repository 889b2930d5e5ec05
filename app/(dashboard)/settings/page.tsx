import Link from "next/link";
import { TimeZoneForm } from "@/components/settings/time-zone-form";
import { type Action, roleMay } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { knownTimeZones } from "@/lib/schemas/organization";

export const metadata = { title: "Settings" };

const SECTIONS: { title: string; action: Action; href: string; link: string; about: string; refused: string }[] = [
  { title: "API keys", action: "apiKeys.manage", href: "/settings/api-keys", link: "Manage API keys", about: "Keys for services that send usage and ask the policy endpoint.", refused: "Your role does not manage API keys." },
  { title: "Prices", action: "prices.write", href: "/settings/prices", link: "Manage prices", about: "Negotiated prices per model, the public catalog, and models your events use that have no price.", refused: "Your role does not manage prices." },
  { title: "Outcomes", action: "prices.write", href: "/settings/outcomes", link: "Manage outcome kinds", about: "Name the business outcomes services report and give each a default value, for ROI.", refused: "Your role does not manage outcome kinds." },
  { title: "Webhooks", action: "webhooks.manage", href: "/settings/webhooks", link: "Manage webhooks", about: "Send budget alerts to Slack or any endpoint, signed with HMAC-SHA256.", refused: "Your role does not manage webhooks." },
  { title: "Audit log", action: "audit.read", href: "/settings/audit", link: "Open the audit log", about: "Who changed budgets, API keys and prices, and what: before → after.", refused: "Your role does not read the audit log." },
];

export default async function SettingsPage() {
  const viewer = await requireViewer();
  return (
    <>
      <div className="page-header">
        <h1>Settings</h1>
        <p>
          {viewer.orgName} · time zone {viewer.timeZone}
        </p>
      </div>
      <div className="cards">
        <div className="card">
          <h2>Organisation</h2>
          {roleMay(viewer, "org.manage") ? (
            <TimeZoneForm current={viewer.timeZone} zones={knownTimeZones()} />
          ) : (
            <p className="muted">Time zone {viewer.timeZone}. Only admins change it.</p>
          )}
        </div>
        {SECTIONS.map((section) => (
          <div className="card" key={section.href}>
            <h2>{section.title}</h2>
            {roleMay(viewer, section.action) ? (
              <>
                <p>{section.about}</p>
                <Link href={section.href}>{section.link}</Link>
              </>
            ) : (
              <p className="muted">{section.refused}</p>
            )}
          </div>
        ))}
      </div>
    </>
  );
}
