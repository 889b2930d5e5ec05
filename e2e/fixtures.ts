import { expect, type Page, test as base } from "@playwright/test";

export const PASSWORD = process.env.DEMO_PASSWORD ?? "demo-password";

export const USERS = {
  admin: { email: "admin@demo.local", label: "Admin" },
  finance: { email: "finance@demo.local", label: "Finance" },
  team_lead: { email: "lead@demo.local", label: "Team lead" },
  viewer: { email: "viewer@demo.local", label: "Viewer" },
} as const;

export type DemoRole = keyof typeof USERS;

export async function signIn(page: Page, role: DemoRole): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(USERS[role].email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-role")).toHaveText(USERS[role].label);
}

/** Signs the current user out (from the dashboard, where the button is) and `role` in. */
export async function switchUser(page: Page, role: DemoRole): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, role);
}

export const test = base;
export { expect };
