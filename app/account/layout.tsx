import type { ReactNode } from "react";
import { AreaToaster } from "@/components/layout/area-toaster";
import { ClientMessages } from "@/components/layout/client-messages";
import { CLIENT_NAMESPACES } from "./client-namespaces";

/** Hands the browser only the messages the account pages' client components use. */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={CLIENT_NAMESPACES}>
      {children}
      <AreaToaster />
    </ClientMessages>
  );
}
