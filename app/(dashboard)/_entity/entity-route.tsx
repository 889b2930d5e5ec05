import { ENTITY_LABELS, type EntityDimension, entityKey } from "@/components/entity/entity-href";
import { EntityPage } from "./entity-page";

type Props<P extends string> = { params: Promise<Record<P, string>> };

/** The page module of /teams/[slug], /models/[model] and /features/[feature]. */
export function entityRoute<P extends string>(dimension: EntityDimension, param: P) {
  return {
    generateMetadata: async ({ params }: Props<P>) => ({ title: `${ENTITY_LABELS[dimension]} ${entityKey((await params)[param])}` }),
    Page: async ({ params }: Props<P>) => <EntityPage dimension={dimension} value={entityKey((await params)[param])} />,
  };
}
