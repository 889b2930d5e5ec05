import { entityRoute } from "@/app/(dashboard)/_entity/entity-route";

const route = entityRoute("feature", "feature");
export const generateMetadata = route.generateMetadata;
export default route.Page;
