import type { ReactNode } from "react";
import { AreaToaster } from "@/components/layout/area-toaster";
import { ClientMessages } from "@/components/layout/client-messages";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/policy";
import { CLIENT_NAMESPACES } from "./client-namespaces";

/** Checked before anything streams, so a refusal is a real 403 (pages and data access check again). */
export default async function EnterpriseLayout({ children }: { children: ReactNode }) {
  await requirePageUser(AREA_ROLES.enterprise, "/enterprise");
  return (
    <ClientMessages namespaces={CLIENT_NAMESPACES}>
      {/* Before the page: the page streams in its own time, and rendering the toaster first keeps the payload's order the same whatever the page does. */}
      <AreaToaster />
      {children}
    </ClientMessages>
  );
}
