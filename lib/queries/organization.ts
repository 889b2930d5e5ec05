"use client";

import { useMutation } from "@tanstack/react-query";
import type { OrganizationResponse } from "@/lib/schemas/organization";
import { fetchJson } from "./fetch-json";

/** PATCH /api/organization with a new time zone. */
export function useUpdateTimeZone() {
  return useMutation({
    mutationFn: (timeZone: string) => fetchJson<OrganizationResponse>("/api/organization", { method: "PATCH", body: JSON.stringify({ timeZone }) }),
  });
}
