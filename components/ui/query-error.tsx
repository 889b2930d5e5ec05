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
