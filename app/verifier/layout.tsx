import type { ReactNode } from "react";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/auth/permissions";

/** Checked before anything streams, so a refusal is a real 403 (pages and data access check again). */
export default async function VerifierLayout({ children }: { children: ReactNode }) {
  await requirePageUser(AREA_ROLES.verifier, "/verifier");
  return children;
}
