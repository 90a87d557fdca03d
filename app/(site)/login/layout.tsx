import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { CLIENT_NAMESPACES } from "./client-namespaces";

/** Hands the browser only the messages this page's client components use. */
export default function LoginLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={CLIENT_NAMESPACES}>{children}</ClientMessages>;
}
