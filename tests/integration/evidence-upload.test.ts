import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, auditEvents, evidenceFiles, inventoryLines, onSiteInspections } from "@/db/schema";
import { deleteEvidenceAction } from "@/lib/actions/evidence/delete-evidence";
import { uploadEvidenceAction } from "@/lib/actions/evidence/upload-evidence";
import { MAX_EVIDENCE_BYTES } from "@/lib/evidence/rules";
import { actAs, createApplication, createOrganization, createUser } from "../support/factories";
import { EXE_BYTES, fileOf, HTML_BYTES, PDF_BYTES, PNG_BYTES, storedEvidenceFiles, uniquePdf, withTemporaryDataDir } from "../support/evidence-files";

withTemporaryDataDir();

function uploadForm(applicationId: string, file: File, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set("applicationId", applicationId);
  form.set("file", file);
  for (const [key, value] of Object.entries(extra)) form.set(key, value);
  return form;
}

async function evidenceRows(applicationId: string) {
  return db.select().from(evidenceFiles).where(eq(evidenceFiles.applicationId, applicationId));
}

async function ownerWithDraft(status: "draft" | "changes_requested" | "declined" | "submitted" = "draft") {
  const owner = await createUser("enterprise");
  const application = await createApplication(owner.organizationId, { status });
  return { owner, application };
}

describe("evidence upload", () => {
  it("stores an owner's PDF with its detected type, size, SHA-256 and an audit event", async () => {
    const { owner, application } = await ownerWithDraft();
    actAs(owner);
    const result = await uploadEvidenceAction(uploadForm(application.id, fileOf(PDF_BYTES, "电费发票 2025.pdf")));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const expectedSha = createHash("sha256").update(PDF_BYTES).digest("hex");
    expect(result.data.sha256).toBe(expectedSha);
    const [row] = await evidenceRows(application.id);
    expect(row).toMatchObject({
      fileName: "电费发票 2025.pdf",
      mimeType: "application/pdf",
      sizeBytes: PDF_BYTES.length,
      sha256: expectedSha,
      uploadedBy: owner.id,
      uploadedByOrganizationId: owner.organizationId,
      lineId: null,
    });
    expect(storedEvidenceFiles().some((file) => file.endsWith(row.sha256))).toBe(true);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "evidence.upload"), eq(auditEvents.entityId, row.id))).orderBy(auditEvents.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ applicationId: application.id, subjectOrganizationId: owner.organizationId });
  });

  it("attaches a PNG to one of the application's lines, and refuses it named .pdf (issue 11, defect 10)", async () => {
    const { owner, application } = await ownerWithDraft("changes_requested");
    const [line] = await db.select().from(inventoryLines).where(eq(inventoryLines.applicationId, application.id));
    actAs(owner);
    const renamed = await uploadEvidenceAction(uploadForm(application.id, fileOf(PNG_BYTES, "meter.pdf"), { lineId: line.id }));
    expect(renamed).toMatchObject({ ok: false, fieldErrors: { file: ["evidence.errors.mismatch"] } });
    const result = await uploadEvidenceAction(uploadForm(application.id, fileOf(PNG_BYTES, "meter.png"), { lineId: line.id }));
    expect(result.ok).toBe(true);
    const [row] = await evidenceRows(application.id);
    expect(row).toMatchObject({ mimeType: "image/png", lineId: line.id });
  });

  it("accepts a UTF-8 CSV named .csv and refuses the same text under another name", async () => {
    const { owner, application } = await ownerWithDraft("declined");
    actAs(owner);
    const csv = Buffer.from("月份,用电量(kWh)\n1,20833\n");
    expect((await uploadEvidenceAction(uploadForm(application.id, fileOf(csv, "meter.csv")))).ok).toBe(true);
    const refused = await uploadEvidenceAction(uploadForm(application.id, fileOf(csv, "meter.txt")));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { file: ["evidence.errors.type"] } });
    expect((await evidenceRows(application.id)).map((row) => row.mimeType)).toEqual(["text/csv"]);
  });

  it.each([
    ["an executable", EXE_BYTES, "invoice.pdf", "evidence.errors.mismatch"],
    ["HTML", HTML_BYTES, "invoice.pdf", "evidence.errors.type"],
    ["a CSV name on binary bytes", Buffer.from([0x61, 0x00, 0x62, 0xff]), "data.csv", "evidence.errors.damaged"],
  ])("refuses %s by its content and stores nothing", async (_label, bytes, name, message) => {
    const { owner, application } = await ownerWithDraft();
    actAs(owner);
    const before = storedEvidenceFiles().length;
    const result = await uploadEvidenceAction(uploadForm(application.id, fileOf(bytes, name)));
    expect(result).toMatchObject({ ok: false, fieldErrors: { file: [message] } });
    expect(await evidenceRows(application.id)).toHaveLength(0);
    expect(storedEvidenceFiles()).toHaveLength(before);
  });

  it("refuses a ZIP archive renamed .pdf", async () => {
    const { owner, application } = await ownerWithDraft();
    actAs(owner);
    // An empty ZIP archive: just the end-of-central-directory record.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
    const result = await uploadEvidenceAction(uploadForm(application.id, fileOf(zip, "report.pdf")));
    expect(result).toMatchObject({ ok: false, fieldErrors: { file: ["evidence.errors.mismatch"] } });
    expect(await evidenceRows(application.id)).toHaveLength(0);
  });

  it("refuses a file over 20 MB and an empty one", async () => {
    const { owner, application } = await ownerWithDraft();
    actAs(owner);
    const large = Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_EVIDENCE_BYTES)]);
    const tooLarge = await uploadEvidenceAction(uploadForm(application.id, fileOf(large, "big.pdf")));
    expect(tooLarge).toMatchObject({ ok: false, fieldErrors: { file: ["evidence.errors.tooLarge?maximum=20"] } });
    const empty = await uploadEvidenceAction(uploadForm(application.id, fileOf(Buffer.alloc(0), "empty.pdf")));
    expect(empty).toMatchObject({ ok: false, fieldErrors: { file: ["evidence.errors.fileRequired"] } });
    expect(await evidenceRows(application.id)).toHaveLength(0);
  });

  it("refuses a submitted application, another enterprise, an unassigned body, a regulator, an admin and anonymous; nothing stored", async () => {
    const { owner, application: submitted } = await ownerWithDraft("submitted");
    const { application: draft } = await ownerWithDraft();
    const before = storedEvidenceFiles().length;

    actAs(owner);
    expect(await uploadEvidenceAction(uploadForm(submitted.id, fileOf(PDF_BYTES, "a.pdf")))).toMatchObject({ ok: false, message: "inventory.errors.frozen" });

    const outsider = await createUser("enterprise");
    actAs(outsider);
    expect(await uploadEvidenceAction(uploadForm(draft.id, fileOf(PDF_BYTES, "a.pdf")))).toMatchObject({ ok: false, message: "errors.notFound" });

    const verifier = await createUser("verifier");
    actAs(verifier);
    expect((await uploadEvidenceAction(uploadForm(draft.id, fileOf(PDF_BYTES, "a.pdf")))).ok).toBe(false);

    for (const role of ["regulator", "admin"] as const) {
      actAs(await createUser(role));
      expect(await uploadEvidenceAction(uploadForm(draft.id, fileOf(PDF_BYTES, "a.pdf")))).toMatchObject({ ok: false, message: "errors.forbidden" });
    }

    actAs(null);
    expect(await uploadEvidenceAction(uploadForm(draft.id, fileOf(PDF_BYTES, "a.pdf")))).toMatchObject({ ok: false, message: "errors.unauthenticated" });

    expect(await evidenceRows(submitted.id)).toHaveLength(0);
    expect(await evidenceRows(draft.id)).toHaveLength(0);
    expect(storedEvidenceFiles()).toHaveLength(before);
  });

  it("refuses a line of another application", async () => {
    const { owner, application } = await ownerWithDraft();
    const other = await createApplication(owner.organizationId);
    const [foreignLine] = await db.select().from(inventoryLines).where(eq(inventoryLines.applicationId, other.id));
    actAs(owner);
    const result = await uploadEvidenceAction(uploadForm(application.id, fileOf(PDF_BYTES, "a.pdf"), { lineId: foreignLine.id }));
    expect(result).toMatchObject({ ok: false, message: "errors.notFound" });
    expect(await evidenceRows(application.id)).toHaveLength(0);
  });

  it("lets the assigned body attach a file to its inspection record, and refuses it elsewhere", async () => {
    const enterprise = await createOrganization("enterprise");
    const body = await createOrganization("verification_body");
    const verifier = await createUser("verifier", body.id);
    const application = await createApplication(enterprise.id, { status: "in_review", verificationBodyId: body.id });
    const [inspection] = await db
      .insert(onSiteInspections)
      .values({ applicationId: application.id, inspectedOn: "2026-03-02", site: "Plant 1", participants: "A, B", scope: "Meters", result: "OK", recordedBy: verifier.id })
      .returning();
    actAs(verifier);
    const withoutInspection = await uploadEvidenceAction(uploadForm(application.id, fileOf(PDF_BYTES, "a.pdf")));
    expect(withoutInspection).toMatchObject({ ok: false, message: "evidence.errors.inspectionOnly" });
    const result = await uploadEvidenceAction(uploadForm(application.id, fileOf(PNG_BYTES, "site-photo.png"), { inspectionId: inspection.id }));
    expect(result.ok).toBe(true);
    const [row] = await evidenceRows(application.id);
    expect(row).toMatchObject({ inspectionId: inspection.id, uploadedByOrganizationId: body.id });

    const reviewerOfOtherBody = await createUser("reviewer");
    actAs(reviewerOfOtherBody);
    const refused = await uploadEvidenceAction(uploadForm(application.id, fileOf(PNG_BYTES, "x.png"), { inspectionId: inspection.id }));
    expect(refused).toMatchObject({ ok: false, message: "errors.notFound" });
    expect(await evidenceRows(application.id)).toHaveLength(1);
  });
});

describe("evidence deletion", () => {
  it("lets the owner delete while editable, removing row and file, and refuses others", async () => {
    const { owner, application } = await ownerWithDraft();
    actAs(owner);
    const uploaded = await uploadEvidenceAction(uploadForm(application.id, fileOf(uniquePdf(), "a.pdf")));
    if (!uploaded.ok) throw new Error(uploaded.message);

    actAs(await createUser("enterprise"));
    expect(await deleteEvidenceAction({ evidenceId: uploaded.data.id })).toMatchObject({ ok: false, message: "errors.notFound" });
    actAs(await createUser("regulator"));
    expect(await deleteEvidenceAction({ evidenceId: uploaded.data.id })).toMatchObject({ ok: false, message: "errors.forbidden" });
    actAs(null);
    expect(await deleteEvidenceAction({ evidenceId: uploaded.data.id })).toMatchObject({ ok: false, message: "errors.unauthenticated" });
    expect(storedEvidenceFiles().some((file) => file.endsWith(uploaded.data.sha256))).toBe(true);

    actAs(owner);
    expect(await deleteEvidenceAction({ evidenceId: uploaded.data.id })).toMatchObject({ ok: true });
    expect(await evidenceRows(application.id)).toHaveLength(0);
    expect(storedEvidenceFiles().some((file) => file.endsWith(uploaded.data.sha256))).toBe(false);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "evidence.delete"), eq(auditEvents.entityId, uploaded.data.id))).orderBy(auditEvents.id);
    expect(events).toHaveLength(1);
  });

  it("is gated by evidence.delete: the entrusted body, which may upload, may not delete; nor may the owner delete the body's file", async () => {
    const enterprise = await createOrganization("enterprise");
    const owner = await createUser("enterprise", enterprise.id);
    const body = await createOrganization("verification_body");
    const verifier = await createUser("verifier", body.id);
    const application = await createApplication(enterprise.id, { status: "in_review", verificationBodyId: body.id });
    const [inspection] = await db
      .insert(onSiteInspections)
      .values({ applicationId: application.id, inspectedOn: "2026-03-02", site: "Plant 1", participants: "A, B", scope: "Meters", result: "OK", recordedBy: verifier.id })
      .returning();
    actAs(verifier);
    const uploaded = await uploadEvidenceAction(uploadForm(application.id, fileOf(PNG_BYTES, "meter.png"), { inspectionId: inspection.id }));
    if (!uploaded.ok) throw new Error(uploaded.message);
    // Sent back to the enterprise: its inventory is editable again, the body's record stays.
    await db.update(applications).set({ status: "changes_requested" }).where(eq(applications.id, application.id));

    expect(await deleteEvidenceAction({ evidenceId: uploaded.data.id })).toMatchObject({ ok: false, message: "errors.forbidden" });
    actAs(owner);
    expect(await deleteEvidenceAction({ evidenceId: uploaded.data.id })).toMatchObject({ ok: false, message: "errors.forbidden" });

    expect(await evidenceRows(application.id)).toHaveLength(1);
    expect(storedEvidenceFiles().some((file) => file.endsWith(uploaded.data.sha256))).toBe(true);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "evidence.delete"), eq(auditEvents.entityId, uploaded.data.id))).orderBy(auditEvents.id);
    expect(events).toHaveLength(0);
  });

  it("refuses deletion once the application is submitted", async () => {
    const { owner, application } = await ownerWithDraft();
    actAs(owner);
    const uploaded = await uploadEvidenceAction(uploadForm(application.id, fileOf(PDF_BYTES, "a.pdf")));
    if (!uploaded.ok) throw new Error(uploaded.message);
    await db.update(applications).set({ status: "submitted" }).where(eq(applications.id, application.id));
    expect(await deleteEvidenceAction({ evidenceId: uploaded.data.id })).toMatchObject({ ok: false, message: "inventory.errors.frozen" });
    expect(await evidenceRows(application.id)).toHaveLength(1);
  });
});
