/**
 * Moves the demo applications through the certification stages with the same
 * guarded domain functions the portal uses, so every demo role finds work in
 * its queue: one laptop certified (with label and grade), the battery pack
 * awaiting the reviewer's decision, the vehicle sent back with a finding, the
 * laptop 14" and the resin still drafts.
 */
import { eq, inArray, max } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { applications, benchmarks, inventoryLines, products, users } from "@/db/schema";
import { findUserAsActor } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { DEFAULT_GRADE_THRESHOLDS } from "@/lib/certificates/grade";
import { submitApplication } from "@/lib/domain/applications/submit-application";
import { acceptApplication } from "@/lib/domain/verification/accept-application";
import { decideApplication } from "@/lib/domain/verification/decide-application";
import { planReview } from "@/lib/domain/verification/plan-review";
import { raiseFinding } from "@/lib/domain/verification/raise-finding";
import { recommendApplication } from "@/lib/domain/verification/recommend-application";
import { requestChanges } from "@/lib/domain/verification/request-changes";
import { verifyLine } from "@/lib/domain/verification/verify-line";

/** Laptop benchmark: the median of published manufacturer PCFs (see ../shared/reference/factors.md). */
const DEMO_BENCHMARKS = [
  {
    categoryId: "laptop",
    value: "307",
    declaredUnit: "piece",
    source: "Boavizta open data set: median of 452 manufacturer laptop PCFs (range 62–937 kg CO2e)",
    effectiveFrom: "2026-01-01",
  },
];

type Stage = "certified" | "awaiting_decision" | "changes_requested";

/** Product model → how far its application goes. */
const DEMO_PROGRESS: Record<string, Stage> = {
  "YX-13E": "certified",
  "LY-LFP280": "awaiting_decision",
  "CJ-EV7": "changes_requested",
};

async function currentUser(tx: Tx, email: string): Promise<CurrentUser> {
  const user = await findUserAsActor(eq(users.email, email), tx);
  if (!user) throw new Error(`demo user ${email} is missing`);
  return user;
}

async function versionOf(tx: Tx, applicationId: string): Promise<number> {
  const [row] = await tx.select({ version: applications.version }).from(applications).where(eq(applications.id, applicationId));
  return row.version;
}

async function advance(tx: Tx, applicationId: string, ownerEmail: string, target: Stage) {
  const owner = await currentUser(tx, ownerEmail);
  const verifier = await currentUser(tx, "verifier@demo.carbonlabel.org");
  const reviewer = await currentUser(tx, "reviewer@demo.carbonlabel.org");
  await submitApplication(tx, owner, { applicationId, verificationBodyId: verifier.organizationId });
  await acceptApplication(tx, { applicationId, expectedVersion: await versionOf(tx, applicationId), actor: verifier });
  await planReview(tx, {
    applicationId,
    expectedVersion: await versionOf(tx, applicationId),
    leadVerifierId: verifier.id,
    memberIds: [],
    plannedDocumentReviewOn: "2026-03-02",
    plannedOnSiteOn: "2026-03-10",
    actor: verifier,
  });
  const lines = await tx
    .select({ id: inventoryLines.id })
    .from(inventoryLines)
    .where(eq(inventoryLines.applicationId, applicationId))
    .orderBy(inventoryLines.position);
  if (target === "changes_requested") {
    await raiseFinding(tx, {
      applicationId,
      lineId: lines[0].id,
      severity: "minor",
      text: "供应商 PCF 声明未附第三方核查报告，请补充证据或改用数据库因子。",
      actor: verifier,
    });
    await requestChanges(tx, { applicationId, expectedVersion: await versionOf(tx, applicationId), actor: verifier });
    return;
  }
  for (const line of lines) await verifyLine(tx, { applicationId, lineId: line.id, verified: true, actor: verifier });
  await recommendApplication(tx, {
    applicationId,
    expectedVersion: await versionOf(tx, applicationId),
    recommendation: "approve",
    statement:
      "经文件评审、现场检查与逐行核查，该产品碳足迹量化符合 GB/T 24067-2024 要求，数据质量满足认证规则。The PCF quantification conforms to GB/T 24067-2024.",
    actor: verifier,
  });
  if (target === "certified") {
    await decideApplication(tx, {
      applicationId,
      expectedVersion: await versionOf(tx, applicationId),
      decision: "approve",
      reason: "核查结论充分，批准发证。",
      actor: reviewer,
    });
  }
}

/** Runs after the demo organizations, users, products and draft applications exist. */
export async function seedDemoWorkflow(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const [bureau] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "bureau@demo.carbonlabel.org"));
    for (const benchmark of DEMO_BENCHMARKS) {
      const [latest] = await tx
        .select({ version: max(benchmarks.version) })
        .from(benchmarks)
        .where(eq(benchmarks.categoryId, benchmark.categoryId));
      await tx.insert(benchmarks).values({
        ...benchmark,
        version: (latest?.version ?? 0) + 1,
        thresholds: [...DEFAULT_GRADE_THRESHOLDS],
        createdBy: bureau.id,
      });
    }
    const rows = await tx
      .select({ applicationId: applications.id, model: products.model, ownerEmail: users.email })
      .from(applications)
      .innerJoin(products, eq(products.id, applications.productId))
      .innerJoin(users, eq(users.organizationId, applications.organizationId))
      .where(inArray(products.model, Object.keys(DEMO_PROGRESS)));
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.applicationId)) continue;
      seen.add(row.applicationId);
      await advance(tx, row.applicationId, row.ownerEmail, DEMO_PROGRESS[row.model]);
    }
  });
}
