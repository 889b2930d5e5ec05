"use client";

import { formatDateTime } from "@/lib/format";
import { useApiKeys, useRevokeApiKey } from "@/lib/queries/api-keys";

export function ApiKeyTable({ timeZone }: { timeZone: string }) {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();

  if (keys.isPending) return <div className="skeleton" style={{ height: "6rem" }} aria-label="Loading API keys" />;
  if (keys.isError) {
    return (
      <div role="alert">
        <p className="error-text">Could not load the API keys: {keys.error.message}</p>
        <button className="btn" type="button" onClick={() => keys.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  const rows = keys.data.apiKeys;
  if (rows.length === 0) return <p className="empty">No API keys yet. Create one for each service that sends usage or asks the policy endpoint.</p>;

  function confirmRevoke(id: string, name: string) {
    if (window.confirm(`Revoke “${name}”? Services using it will be refused at once.`)) revoke.mutate(id);
  }

  return (
    <>
      {revoke.error && (
        <p className="error-text" role="alert">
          {revoke.error.message}
        </p>
      )}
      <table className="table" data-testid="api-keys">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Team</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="muted">Status</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((key) => (
            <tr key={key.id}>
              <td>{key.name}</td>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>{key.teamSlug ?? <span className="muted">any</span>}</td>
              <td>
                {key.scopes.map((s) => (
                  <span key={s} className="tag">
                    {s}
                  </span>
                ))}
              </td>
              <td>{formatDateTime(key.createdAt, timeZone)}</td>
              <td>{formatDateTime(key.lastUsedAt, timeZone)}</td>
              <td>
                {key.revokedAt ? (
                  <span className="tag tag-bad">revoked</span>
                ) : (
                  <button className="btn btn-danger" type="button" disabled={revoke.isPending} onClick={() => confirmRevoke(key.id, key.name)}>
                    Revoke<span className="sr-only"> {key.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
