import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { findings } from "@/db/schema";
import { OperationError } from "@/lib/errors";
import { transitionApplication } from "@/lib/domain/applications/transition";
import { notify } from "@/lib/notifications/notify";
import { assertUserCan, type Actor } from "@/lib/policy";
import { lockBodyApplication, productParams } from "./body-application";
import { mayRequestChanges } from "@/lib/rules/verification";

type RequestChangesInput = { applicationId: string; expectedVersion: number };

/** Sends the application back with its open findings; the enterprise may then edit and resubmit. */
export async function requestChanges(tx: Tx, actor: Actor | null, { applicationId, expectedVersion }: RequestChangesInput) {
  assertUserCan(actor, "application.requestChanges");
  const application = await lockBodyApplication(tx, applicationId, actor, "application.requestChanges");
  const open = await tx
    .select({ status: findings.status })
    .from(findings)
    .where(and(eq(findings.applicationId, applicationId), eq(findings.status, "open")));
  if (!mayRequestChanges(open)) throw new OperationError("verifier.errors.noOpenFindings");
  const updated = await transitionApplication(tx, {
    applicationId,
    expectedVersion,
    from: ["in_review"],
    to: "changes_requested",
    actor,
    action: "application.requestChanges",
    data: { openFindings: open.length },
  });
  await notify(tx, {
    organizationId: application.organizationId,
    kind: "changesRequested",
    applicationId,
    params: { ...productParams(application), count: String(open.length) },
  });
  return updated;
}
