/**
 * Moves the demo applications through the certification stages with the same
 * guarded domain functions the portal uses, so every demo role finds work in
 * its queue: two laptops and the cathode material certified (with labels, grades and PACT
 * footprints), the battery pack — its cathode line priced with the supplier's certified footprint
 * through a fulfilled supply request — awaiting the reviewer's decision, the vehicle sent back with a finding, the
 * laptop 14" and the resin still drafts.
 */
import { eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { applications, inventoryLines, products, users } from "@/db/schema";
import { findUserAsActor } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { DEFAULT_GRADE_THRESHOLDS } from "@/lib/certificates/grade";
import { createBenchmarkVersion } from "@/lib/domain/benchmarks/create-benchmark-version";
import { submitApplication } from "@/lib/domain/applications/submit-application";
import { acceptApplication } from "@/lib/domain/verification/accept-application";
import { decideApplication } from "@/lib/domain/verification/decide-application";
import { planReview } from "@/lib/domain/verification/plan-review";
import { raiseFinding } from "@/lib/domain/verification/raise-finding";
import { recommendApplication } from "@/lib/domain/verification/recommend-application";
import { requestChanges } from "@/lib/domain/verification/request-changes";
import { verifyLine } from "@/lib/domain/verification/verify-line";
import { benchmarkVersionSchema } from "@/lib/validation/schemas/regulator";
import { DEMO_SUPPLIER_MODEL, seedDemoSupplyChain } from "./demo-supply";

/**
 * Laptop benchmark (per piece, the category's declared unit): the median of
 * published manufacturer PCFs (see ../shared/reference/factors.md).
 */
const DEMO_BENCHMARKS = [
  {
    categoryId: "laptop",
    value: "307",
    source: "Boavizta open data set: median of 452 manufacturer laptop PCFs (range 62–937 kg CO2e)",
    effectiveFrom: "2026-01-01",
    thresholds: DEFAULT_GRADE_THRESHOLDS.join(", "),
  },
];

type Stage = "certified" | "awaiting_decision" | "changes_requested";

/** Product model → how far its application goes. */
const DEMO_PROGRESS: Record<string, Stage> = {
  [DEMO_SUPPLIER_MODEL]: "certified",
  "YX-13E": "certified",
  "YX-12T": "certified",
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
  await acceptApplication(tx, verifier, { applicationId, expectedVersion: await versionOf(tx, applicationId) });
  await planReview(tx, verifier, {
    applicationId,
    expectedVersion: await versionOf(tx, applicationId),
    leadVerifierId: verifier.id,
    memberIds: [],
    plannedDocumentReviewOn: "2026-03-02",
    plannedOnSiteOn: "2026-03-10",
  });
  const lines = await tx
    .select({ id: inventoryLines.id })
    .from(inventoryLines)
    .where(eq(inventoryLines.applicationId, applicationId))
    .orderBy(inventoryLines.stage, inventoryLines.position);
  if (target === "changes_requested") {
    await raiseFinding(tx, verifier, {
      applicationId,
      lineId: lines[0].id,
      severity: "minor",
      text: "供应商 PCF 声明未附第三方核查报告，请补充证据或改用数据库因子。",
    });
    await requestChanges(tx, verifier, { applicationId, expectedVersion: await versionOf(tx, applicationId) });
    return;
  }
  for (const line of lines) await verifyLine(tx, verifier, { applicationId, lineId: line.id, verified: true });
  await recommendApplication(tx, verifier, {
    applicationId,
    expectedVersion: await versionOf(tx, applicationId),
    recommendation: "approve",
    statement:
      "经文件评审、现场检查与逐行核查，该产品碳足迹量化符合 GB/T 24067-2024 要求，数据质量满足认证规则。The PCF quantification conforms to GB/T 24067-2024.",
  });
  if (target === "certified") {
    await decideApplication(tx, reviewer, {
      applicationId,
      expectedVersion: await versionOf(tx, applicationId),
      decision: "approve",
      reason: "核查结论充分，批准发证。",
    });
  }
}

/** Runs after the demo organizations, users, products and draft applications exist. */
export async function seedDemoWorkflow(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    // The bureau sets the benchmark the way its benchmark page does: a new, audited version.
    const bureau = await currentUser(tx, "bureau@demo.carbonlabel.org");
    for (const benchmark of DEMO_BENCHMARKS) await createBenchmarkVersion(tx, bureau, benchmarkVersionSchema.parse(benchmark));
    const rows = await tx
      .select({ applicationId: applications.id, model: products.model, ownerEmail: users.email })
      .from(applications)
      .innerJoin(products, eq(products.id, applications.productId))
      .innerJoin(users, eq(users.organizationId, applications.organizationId))
      .where(inArray(products.model, Object.keys(DEMO_PROGRESS)));
    // The supplier is certified first: the battery pack is submitted with its footprint in use.
    rows.sort((a, b) => Number(b.model === DEMO_SUPPLIER_MODEL) - Number(a.model === DEMO_SUPPLIER_MODEL));
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.applicationId)) continue;
      seen.add(row.applicationId);
      if (row.model === "LY-LFP280") await seedDemoSupplyChain(tx);
      await advance(tx, row.applicationId, row.ownerEmail, DEMO_PROGRESS[row.model]);
    }
  });
}
