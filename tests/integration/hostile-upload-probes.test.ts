/**
 * Hostile uploads (issue 11, defect 10): generated bad files sent through both doors that store
 * evidence — the page's server action and the REST API — by an owner who may upload. Every one is
 * refused with a field error (the API with a 4xx), nothing answers ≥ 500, no row is written and no
 * byte is stored. The counts are printed at the end.
 */
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as apiUpload } from "@/app/api/v1/applications/[applicationId]/evidence/route";
import { db } from "@/db";
import { evidenceFiles, type Application } from "@/db/schema";
import { uploadEvidenceAction } from "@/lib/actions/evidence/upload-evidence";
import { accessToken, callApi, createClientFor } from "../support/api-clients";
import { draftApplication, createWorld, type World } from "../support/authz/world";
import { fileOf, storedEvidenceFiles, withTemporaryDataDir } from "../support/evidence-files";
import { actAs } from "../support/factories";
import { hostileUpload } from "../support/hostile-uploads";

withTemporaryDataDir();

const UPLOADS_PER_DOOR = 110;
const tally = { uploads: 0, serverErrors: 0, unhandled: 0, stored: 0 };

let world: World;
let application: Application;
let token: string;

beforeAll(async () => {
  world = await createWorld("500000", "510000");
  application = await draftApplication(world);
  token = await accessToken(await createClientFor(world.users.enterprise, { scopes: ["applications:write"] }));
});

afterAll(() => {
  console.info(
    `[hostile-upload probes] ${tally.uploads} hostile uploads: ${tally.serverErrors} responses ≥ 500, ${tally.unhandled} unhandled exceptions, ${tally.stored} stored`,
  );
});

async function rowsAndBytes() {
  const rows = await db.select({ id: evidenceFiles.id }).from(evidenceFiles).where(eq(evidenceFiles.applicationId, application.id));
  return { rows: rows.length, files: storedEvidenceFiles().length };
}

describe("hostile uploads", () => {
  it("are refused by the server action with a field error, and nothing is stored", async () => {
    const before = await rowsAndBytes();
    const errorLog = vi.spyOn(console, "error");
    for (const upload of fc.sample(hostileUpload, { numRuns: UPLOADS_PER_DOOR, seed: 10 })) {
      tally.uploads += 1;
      actAs(world.users.enterprise);
      const form = new FormData();
      form.set("applicationId", application.id);
      form.set("file", fileOf(upload.bytes, upload.name));
      const result = await uploadEvidenceAction(form).catch(() => {
        tally.unhandled += 1;
        return null;
      });
      expect(result, `${upload.kind} ${JSON.stringify(upload.name)}`).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringMatching(/^evidence\.errors\./)] } });
    }
    expect(errorLog).not.toHaveBeenCalled();
    errorLog.mockRestore();
    const after = await rowsAndBytes();
    tally.stored += after.rows - before.rows;
    expect(after).toEqual(before);
  });

  it("are refused by the REST API with 4xx problems, and nothing is stored", async () => {
    const before = await rowsAndBytes();
    for (const upload of fc.sample(hostileUpload, { numRuns: UPLOADS_PER_DOOR, seed: 20 })) {
      tally.uploads += 1;
      const form = new FormData();
      form.set("file", fileOf(upload.bytes, upload.name));
      const response = await callApi({ POST: apiUpload }, "POST", `/api/v1/applications/${application.id}/evidence`, {
        token,
        form,
        params: { applicationId: application.id },
      });
      if (response.status >= 500) tally.serverErrors += 1;
      expect(response.status, `${upload.kind} ${JSON.stringify(upload.name)}`).toBe(422);
    }
    const after = await rowsAndBytes();
    tally.stored += after.rows - before.rows;
    expect(after).toEqual(before);
  });
});
