export const ROLE_LABELS = {
  admin: "Admin",
  finance: "Finance",
  team_lead: "Team lead",
  viewer: "Viewer",
} as const;
