"use client";

import { type FormEvent, useState } from "react";
import { useCreateApiKey } from "@/lib/queries/api-keys";
import type { ApiKeyScope } from "@/lib/schemas/api-keys";

type Team = { id: string; slug: string; name: string };

const SCOPES: { value: ApiKeyScope; label: string; hint: string }[] = [
  { value: "ingest", label: "ingest", hint: "send usage events, outcomes and spans" },
  { value: "policy", label: "policy", hint: "ask the policy endpoint before LLM calls" },
  { value: "admin", label: "admin", hint: "manage budgets through the API" },
];

export function CreateApiKeyForm({ teams, teamRequired, allowAdminScope, onCreated }: {
  teams: Team[];
  teamRequired: boolean;
  allowAdminScope: boolean;
  onCreated: (secret: string, name: string) => void;
}) {
  const create = useCreateApiKey();
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["ingest", "policy"]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "");
    const teamId = String(form.get("teamId") ?? "") || null;
    create.mutate({ name, scopes, teamId }, {
      onSuccess: (result) => {
        onCreated(result.secret, result.apiKey.name);
        (event.target as HTMLFormElement).reset();
      },
    });
  }

  function toggle(scope: ApiKeyScope, on: boolean) {
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  }

  return (
    <form onSubmit={submit} aria-label="Create API key">
      <div className="field">
        <label htmlFor="key-name">Name</label>
        <input id="key-name" name="name" type="text" required maxLength={100} placeholder="e.g. search-service production" />
      </div>
      <div className="field">
        <label htmlFor="key-team">Team</label>
        <select id="key-team" name="teamId" required={teamRequired} defaultValue={teamRequired ? (teams[0]?.id ?? "") : ""}>
          {!teamRequired && <option value="">Any team (the event names its team)</option>}
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
        <span className="field-hint">A key bound to a team may only write and read that team.</span>
      </div>
      <fieldset className="field">
        <legend>Scopes</legend>
        <div className="checks">
          {SCOPES.filter((s) => allowAdminScope || s.value !== "admin").map((scope) => (
            <label key={scope.value} title={scope.hint}>
              <input type="checkbox" checked={scopes.includes(scope.value)} onChange={(e) => toggle(scope.value, e.target.checked)} /> {scope.label}
            </label>
          ))}
        </div>
      </fieldset>
      {create.error && (
        <p className="error-text" role="alert">
          {create.error.message}
        </p>
      )}
      <button className="btn btn-primary" type="submit" disabled={create.isPending || scopes.length === 0}>
        {create.isPending ? "Creating…" : "Create key"}
      </button>
    </form>
  );
}
