// Every mention of a team, model or feature links to its page.
export type EntityDimension = "team" | "model" | "feature";

const BASE: Record<EntityDimension, string> = { team: "/teams", model: "/models", feature: "/features" };

/** "Team", "Model", "Feature": in headings, titles and column headers. */
export const ENTITY_LABELS: Record<EntityDimension, string> = { team: "Team", model: "Model", feature: "Feature" };

export function entityHref(dimension: EntityDimension, key: string): string {
  return `${BASE[dimension]}/${encodeURIComponent(key)}`;
}

export function isEntityDimension(value: string): value is EntityDimension {
  return Object.hasOwn(BASE, value);
}

/** A route segment as the key it names (decoded once; a key holding a bare % stays as it is). */
export function entityKey(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
