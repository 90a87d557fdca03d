import type { ReactNode } from "react";
import { AreaToaster } from "@/components/layout/area-toaster";
import { ClientMessages } from "@/components/layout/client-messages";
import { CLIENT_NAMESPACES } from "./client-namespaces";

/** Hands the browser only the messages the account pages' client components use. */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={CLIENT_NAMESPACES}>
      {/* Before the page: the page streams in its own time, and rendering the toaster first keeps the payload's order the same whatever the page does. */}
      <AreaToaster />
      {children}
    </ClientMessages>
  );
}
