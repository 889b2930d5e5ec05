import { entityRoute } from "@/app/(dashboard)/_entity/entity-route";

const route = entityRoute("model", "model");
export const generateMetadata = route.generateMetadata;
export default route.Page;
