"use client";

import { useState } from "react";
import { SecretOnce } from "@/components/ui/secret-once";
import { ApiKeyTable } from "./api-key-table";
import { CreateApiKeyForm } from "./create-api-key-form";

type Props = {
  teams: { id: string; slug: string; name: string }[];
  teamRequired: boolean;
  allowAdminScope: boolean;
  timeZone: string;
};

export function ApiKeysView({ teams, teamRequired, allowAdminScope, timeZone }: Props) {
  const [created, setCreated] = useState<{ secret: string; name: string } | null>(null);
  return (
    <>
      <section className="card" aria-labelledby="new-key">
        <h2 id="new-key">New API key</h2>
        {created ? (
          <SecretOnce secret={created.secret} testId="new-api-key" onDone={() => setCreated(null)}>
            <strong>Key “{created.name}” created.</strong> Copy it now: it is shown only once and cannot be recovered.
          </SecretOnce>
        ) : (
          <CreateApiKeyForm teams={teams} teamRequired={teamRequired} allowAdminScope={allowAdminScope} onCreated={(secret, name) => setCreated({ secret, name })} />
        )}
      </section>
      <section className="card" aria-labelledby="keys">
        <h2 id="keys">Keys</h2>
        <ApiKeyTable timeZone={timeZone} />
      </section>
    </>
  );
}
