import Link from "next/link";
import { roleMay } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";

export const metadata = { title: "Settings" };

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
          <h2>API keys</h2>
          {roleMay(viewer, "apiKeys.manage") ? (
            <>
              <p>Keys for services that send usage and ask the policy endpoint.</p>
              <Link href="/settings/api-keys">Manage API keys</Link>
            </>
          ) : (
            <p className="muted">Your role does not manage API keys.</p>
          )}
        </div>
        <div className="card">
          <h2>Prices</h2>
          {roleMay(viewer, "prices.write") ? (
            <>
              <p>Negotiated prices per model, the public catalog, and models your events use that have no price.</p>
              <Link href="/settings/prices">Manage prices</Link>
            </>
          ) : (
            <p className="muted">Your role does not manage prices.</p>
          )}
        </div>
        <div className="card">
          <h2>Outcomes</h2>
          <p className="muted">Not built yet: outcome kinds and their default values for ROI.</p>
        </div>
      </div>
    </>
  );
}
