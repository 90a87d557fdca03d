import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { organizations } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can, isBodyStaff } from "@/lib/policy";
import { DEFAULT_STAGE_TARGET_DAYS } from "@/lib/validation/schemas/body-settings";

type BodySettingsView = {
  bodyName: string;
  bodyNameEn: string | null;
  /** The body's own target (days), or null when it keeps the platform default. */
  stageTargetDays: number | null;
  defaultStageTargetDays: number;
  /** Whether the viewer may change the target (the policy's answer). */
  mayEdit: boolean;
};

/** The settings of the viewer's own verification body; null for anyone not working for one. */
export async function getBodySettings(user: CurrentUser): Promise<BodySettingsView | null> {
  if (!isBodyStaff(user)) return null;
  const [body] = await db
    .select({ kind: organizations.kind, name: organizations.name, nameEn: organizations.nameEn, stageTargetDays: organizations.stageTargetDays })
    .from(organizations)
    .where(eq(organizations.id, user.organizationId));
  if (!body || body.kind !== "verification_body") return null;
  return {
    bodyName: body.name,
    bodyNameEn: body.nameEn,
    stageTargetDays: body.stageTargetDays,
    defaultStageTargetDays: DEFAULT_STAGE_TARGET_DAYS,
    mayEdit: can(user, "stageTarget.manage"),
  };
}
