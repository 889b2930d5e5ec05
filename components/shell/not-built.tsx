export function NotBuiltYet({ title, what }: { title: string; what: string }) {
  return (
    <>
      <div className="page-header">
        <h1>{title}</h1>
      </div>
      <div className="card notice" role="status">
        <h2>Not built yet</h2>
        <p>{what}</p>
        <p className="muted">This page is planned and not available in this version.</p>
      </div>
    </>
  );
}
