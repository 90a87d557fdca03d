import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { CLIENT_NAMESPACES } from "./client-namespaces";

/** The pages emailed links open (password reset, address confirmation): only their forms' messages reach the browser. */
export default function AccountLinksLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={CLIENT_NAMESPACES}>{children}</ClientMessages>;
}
