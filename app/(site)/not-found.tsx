import { PageNotFound, pageNotFoundMetadata } from "@/components/layout/page-not-found";

export const generateMetadata = pageNotFoundMetadata;
export default PageNotFound;
