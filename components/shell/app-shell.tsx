import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "./nav-links";
import { ROLE_LABELS } from "./role-label";

type Props = {
  orgName: string;
  userName: string;
  email: string;
  role: keyof typeof ROLE_LABELS;
  signOut: () => Promise<void>;
  children: ReactNode;
};

export function AppShell({ orgName, userName, email, role, signOut, children }: Props) {
  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <aside className="sidebar">
        <Link className="brand" href="/">
          <img src="/favicon.svg" alt="" />
          AI FinOps
        </Link>
        <div className="org-name" data-testid="org-name">
          {orgName}
        </div>
        <NavLinks />
      </aside>
      <div className="main">
        <header className="topbar">
          <div className="user-box">
            <span title={email} data-testid="user-name">
              {userName}
            </span>
            <span className="role-badge" data-testid="user-role">
              {ROLE_LABELS[role]}
            </span>
            <form action={signOut}>
              <button className="btn" type="submit">
                Sign out
              </button>
            </form>
          </div>
        </header>
        <main id="content" className="content">
          {children}
        </main>
      </div>
    </div>
  );
}
