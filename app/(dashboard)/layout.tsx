import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { signOut } from "@/lib/auth/config";
import { requireViewer } from "@/lib/auth/viewer";

async function signOutAction() {
  "use server";
  await signOut({ redirectTo: "/login" });
}

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  return (
    <AppShell orgName={viewer.orgName} userName={viewer.name} email={viewer.email} role={viewer.role} signOut={signOutAction}>
      {children}
    </AppShell>
  );
}
