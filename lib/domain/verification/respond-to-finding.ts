import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, findings, products } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { assertDecision, assertUserCan, decideOnApplication, type Actor } from "@/lib/policy";
import { auditApplicationRecord } from "./body-application";

type RespondInput = { findingId: string; response: string };

/** The enterprise answers an open finding while its application is sent back. */
export async function respondToFinding(tx: Tx, actor: Actor | null, { findingId, response }: RespondInput) {
  assertUserCan(actor, "finding.respond");
  const [row] = await tx
    .select({ finding: findings, application: applications, productNameZh: products.nameZh, productNameEn: products.nameEn })
    .from(findings)
    .innerJoin(applications, eq(applications.id, findings.applicationId))
    .innerJoin(products, eq(products.id, applications.productId))
    .where(eq(findings.id, findingId))
    .for("update", { of: applications });
  if (!row) throw new NotFoundError();
  const { application } = row;
  // The owner, while the application is sent back ("changes_requested").
  assertDecision(decideOnApplication(actor, "finding.respond", application));
  if (row.finding.status !== "open") throw new ConflictError();
  await tx
    .update(findings)
    .set({ response })
    .where(and(eq(findings.id, findingId), eq(findings.status, "open")));
  await auditApplicationRecord(tx, actor, application, {
    action: "finding.respond",
    entityType: "finding",
    entityId: findingId,
    data: { response },
  });
  if (application.verificationBodyId) {
    await notify(tx, {
      organizationId: application.verificationBodyId,
      kind: "findingAnswered",
      applicationId: application.id,
      params: { product: row.productNameZh, productEn: row.productNameEn },
    });
  }
  return { id: findingId, applicationId: application.id };
}
