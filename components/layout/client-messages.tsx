import { NextIntlClientProvider, useMessages } from "next-intl";
import { pickNamespaces } from "@/lib/i18n/client-messages";

/**
 * The one client message provider. Each layout that renders it keeps its list
 * of namespaces in a `client-namespaces.ts` beside it; a unit test collects
 * what the client components below that layout translate and checks the list
 * matches, so a namespace can be neither missing nor shipped for nothing.
 */
export function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const messages = useMessages();
  return <NextIntlClientProvider messages={pickNamespaces(messages, namespaces)}>{children}</NextIntlClientProvider>;
}
