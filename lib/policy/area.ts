import type { UserRole } from "@/lib/enums";
import { AREA_ROLES, type Area } from "./permissions";

/** The portal area a role works in (each role opens exactly one). */
export function areaOf(role: UserRole): Area {
  const area = (Object.keys(AREA_ROLES) as Area[]).find((candidate) => (AREA_ROLES[candidate] as readonly UserRole[]).includes(role));
  if (!area) throw new Error(`no portal area for the role ${role}`);
  return area;
}
