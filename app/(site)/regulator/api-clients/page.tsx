import { ApiClientsPage, apiClientsMetadata } from "@/app/_api-clients/api-clients-page";

export const generateMetadata = apiClientsMetadata;

export default function Page() {
  return <ApiClientsPage area="regulator" />;
}
