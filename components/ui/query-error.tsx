import type { UseQueryResult } from "@tanstack/react-query";

export function QueryError({ what, error, onRetry }: { what: string; error: Error; onRetry: () => void }) {
  return (
    <div role="alert">
      <p className="error-text">
        Could not load {what}: {error.message}
      </p>
      <button className="btn" type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

export function LoadingBlock({ what }: { what: string }) {
  return (
    <div role="status" aria-label={`Loading ${what}`}>
      <div className="skeleton" style={{ height: "6rem" }} />
    </div>
  );
}

/** A query without its data: loading (`Loading ${loading}`), or failed (`Could not load ${failed}`) with a retry. */
export function QueryFallback({ query, loading, failed }: { query: UseQueryResult<unknown>; loading: string; failed: string }) {
  if (query.isError) return <QueryError what={failed} error={query.error} onRetry={() => query.refetch()} />;
  return <LoadingBlock what={loading} />;
}
