/** Label and value pairs of an insight's evidence. */
export function Facts({ facts }: { facts: [string, string][] }) {
  return (
    <dl className="insight-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
