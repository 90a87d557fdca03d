import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as downloadEvidence } from "@/app/api/evidence/[id]/route";
import { db } from "@/db";
import { evidenceFiles } from "@/db/schema";
import { deleteEvidenceAction } from "@/lib/actions/evidence/delete-evidence";
import { uploadEvidenceAction } from "@/lib/actions/evidence/upload-evidence";
import { objectStorage } from "@/lib/storage";
import { actAs, createApplication, createUser } from "../support/factories";
import { fileOf, uniquePdf } from "../support/evidence-files";
import { startS3Server, type S3TestServer } from "../support/s3-server";

const S3_VARIABLES = ["S3_ENDPOINT", "S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

/** Points the app's storage at one backend; `breakIt`/`repair` take it away and bring it back. */
type Backend = { setUp(): Promise<void>; breakIt(): Promise<void>; repair(): Promise<void>; tearDown(): Promise<void> };

function localDiskBackend(): Backend {
  const root = () => path.join(process.env.DATA_DIR!, "storage");
  const aside = () => `${root()}-aside`;
  return {
    async setUp() {
      for (const name of S3_VARIABLES) delete process.env[name];
    },
    async breakIt() {
      fs.mkdirSync(root(), { recursive: true });
      fs.renameSync(root(), aside());
      fs.writeFileSync(root(), "the disk is gone");
    },
    async repair() {
      fs.rmSync(root());
      fs.renameSync(aside(), root());
    },
    async tearDown() {},
  };
}

function s3Backend(): Backend {
  let server: S3TestServer;
  return {
    async setUp() {
      server = await startS3Server();
      Object.assign(process.env, server.env);
    },
    breakIt: () => server.stop(),
    repair: () => server.start(),
    async tearDown() {
      for (const name of S3_VARIABLES) delete process.env[name];
      await server.dispose();
    },
  };
}

function uploadForm(applicationId: string, bytes: Uint8Array, name = "invoice.pdf") {
  const form = new FormData();
  form.set("applicationId", applicationId);
  form.set("file", fileOf(bytes, name));
  return form;
}

async function ownerWithDrafts() {
  const owner = await createUser("enterprise");
  const first = await createApplication(owner.organizationId);
  const second = await createApplication(owner.organizationId);
  return { owner, first, second };
}

async function upload(applicationId: string, bytes: Uint8Array) {
  const result = await uploadEvidenceAction(uploadForm(applicationId, bytes));
  if (!result.ok) throw new Error(`upload refused: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, result.data.id));
  return row;
}

function download(id: string) {
  return downloadEvidence(new Request(`http://localhost/api/evidence/${id}`), { params: Promise.resolve({ id }) });
}

describe.each([
  ["local disk", localDiskBackend],
  ["S3 (s3rver on loopback)", s3Backend],
])("evidence on %s", (_name, makeBackend) => {
  const backend = makeBackend();
  beforeAll(() => backend.setUp());
  afterAll(() => backend.tearDown());

  it("uploads under the SHA-256, streams the download, and deletes the bytes with the row", async () => {
    const { owner, first } = await ownerWithDrafts();
    actAs(owner);
    const bytes = uniquePdf();
    const row = await upload(first.id, bytes);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(row.storageKey).toBe(`evidence/${sha256}`);
    expect(await objectStorage().exists(row.storageKey)).toBe(true);

    const response = await download(row.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(response.body).toBeInstanceOf(ReadableStream);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);

    expect(await deleteEvidenceAction({ evidenceId: row.id })).toMatchObject({ ok: true });
    expect(await objectStorage().exists(row.storageKey)).toBe(false);
    expect((await download(row.id)).status).toBe(404);
  });

  it("stores the same bytes once and removes them only with the last row pointing at them", async () => {
    const { owner, first, second } = await ownerWithDrafts();
    actAs(owner);
    const bytes = uniquePdf();
    const a = await upload(first.id, bytes);
    const b = await upload(second.id, bytes);
    expect(a.storageKey).toBe(b.storageKey);

    expect(await deleteEvidenceAction({ evidenceId: a.id })).toMatchObject({ ok: true });
    expect(await objectStorage().exists(b.storageKey)).toBe(true);
    expect((await download(b.id)).status).toBe(200);

    expect(await deleteEvidenceAction({ evidenceId: b.id })).toMatchObject({ ok: true });
    expect(await objectStorage().exists(b.storageKey)).toBe(false);
  });

  it("answers 404, not 500, when a row's bytes have gone missing from the storage", async () => {
    const { owner, first } = await ownerWithDrafts();
    actAs(owner);
    const row = await upload(first.id, uniquePdf());
    await objectStorage().delete(row.storageKey);
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await download(row.id);
    expect(response.status).toBe(404);
    vi.restoreAllMocks();
  });

  it("refuses an upload during a storage outage next to the file field, records no row, and accepts it afterwards", async () => {
    const { owner, first } = await ownerWithDrafts();
    actAs(owner);
    const kept = await upload(first.id, uniquePdf());
    const bytes = uniquePdf();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await backend.breakIt();
    try {
      const refused = await uploadEvidenceAction(uploadForm(first.id, bytes));
      expect(refused).toMatchObject({ ok: false, fieldErrors: { file: ["platform.storageUnavailable"] } });
      const during = await download(kept.id);
      expect(during.status).toBe(503);
      expect(during.headers.get("retry-after")).toBe("5");
    } finally {
      await backend.repair();
      vi.restoreAllMocks();
    }
    const rows = await db.select().from(evidenceFiles).where(eq(evidenceFiles.applicationId, first.id));
    expect(rows.map((row) => row.id)).toEqual([kept.id]);
    for (const row of rows) expect(await objectStorage().exists(row.storageKey)).toBe(true);

    const accepted = await upload(first.id, bytes);
    expect((await download(accepted.id)).status).toBe(200);
  });

  it("never leaves a row without its bytes when the same file is deleted and uploaded again at once", async () => {
    const { owner, first, second } = await ownerWithDrafts();
    actAs(owner);
    for (let round = 0; round < 6; round += 1) {
      const bytes = uniquePdf();
      const original = await upload(first.id, bytes);
      const [deleted, reuploaded] = await Promise.all([
        deleteEvidenceAction({ evidenceId: original.id }),
        uploadEvidenceAction(uploadForm(second.id, bytes)),
      ]);
      expect(deleted).toMatchObject({ ok: true });
      expect(reuploaded).toMatchObject({ ok: true });
      expect(await objectStorage().exists(original.storageKey)).toBe(true);
    }
  });
});
