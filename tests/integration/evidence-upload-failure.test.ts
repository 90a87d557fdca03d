import { eq } from "drizzle-orm";
import { expect, it, vi } from "vitest";
import { db } from "@/db";
import { evidenceFiles } from "@/db/schema";
import { uploadEvidenceAction } from "@/lib/actions/evidence/upload-evidence";
import { actAs, createApplication, createUser } from "../support/factories";
import { fileOf, storedEvidenceFiles, uniquePdf, withTemporaryDataDir } from "../support/evidence-files";

// The audit append is the last step of the upload transaction: failing it rolls the transaction back.
vi.mock("@/lib/audit/record-audit-event", () => ({
  recordAuditEvent: async () => {
    throw new Error("simulated database failure");
  },
}));

withTemporaryDataDir();

it("removes the already written file when the upload transaction fails", async () => {
  const owner = await createUser("enterprise");
  const application = await createApplication(owner.organizationId);
  actAs(owner);
  const before = storedEvidenceFiles();
  const form = new FormData();
  form.set("applicationId", application.id);
  form.set("file", fileOf(uniquePdf(), "invoice.pdf"));
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  const result = await uploadEvidenceAction(form);
  expect(result).toMatchObject({ ok: false, message: "errors.unexpected" });
  expect(await db.select().from(evidenceFiles).where(eq(evidenceFiles.applicationId, application.id))).toHaveLength(0);
  expect(storedEvidenceFiles()).toEqual(before);
});
