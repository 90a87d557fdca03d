import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/evidence/[id]/route";
import { uploadEvidenceAction } from "@/lib/actions/evidence/upload-evidence";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listEvidence } from "@/lib/dal/evidence";
import { actAs, createApplication, createOrganization, createUser } from "../support/factories";
import { fileOf, PDF_BYTES, PNG_BYTES, withTemporaryDataDir } from "../support/evidence-files";

type TestUser = Awaited<ReturnType<typeof createUser>>;

withTemporaryDataDir();

async function download(user: TestUser | null, id: string, query = "") {
  actAs(user);
  return GET(new Request(`http://localhost/api/evidence/${id}${query}`), { params: Promise.resolve({ id }) });
}

async function upload(applicationId: string, file: File) {
  const form = new FormData();
  form.set("applicationId", applicationId);
  form.set("file", file);
  const uploaded = await uploadEvidenceAction(form);
  if (!uploaded.ok) throw new Error(uploaded.message);
  return uploaded.data.id;
}

async function setUp() {
  const enterprise = await createOrganization("enterprise", { region: "500000" });
  const body = await createOrganization("verification_body");
  const owner = await createUser("enterprise", enterprise.id);
  const application = await createApplication(enterprise.id, { verificationBodyId: body.id });
  actAs(owner);
  const form = new FormData();
  form.set("applicationId", application.id);
  form.set("file", fileOf(PDF_BYTES, "电费发票 \"March\".pdf"));
  const uploaded = await uploadEvidenceAction(form);
  if (!uploaded.ok) throw new Error(uploaded.message);
  return { enterprise, body, owner, application, evidenceId: uploaded.data.id };
}

describe("evidence download", () => {
  it("serves the owner the bytes as an attachment with type, nosniff and SHA-256", async () => {
    const { owner, evidenceId } = await setUp();
    const response = await download(owner, evidenceId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="____ _March_.pdf"; filename*=UTF-8''%E7%94%B5%E8%B4%B9%E5%8F%91%E7%A5%A8%20%22March%22.pdf`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(PDF_BYTES)).toBe(true);
    expect(response.headers.get("x-evidence-sha256")).toBe(createHash("sha256").update(PDF_BYTES).digest("hex"));
  });

  it("opens an image inline on ?inline=1, with nosniff and the sandbox CSP; a PDF stays a download", async () => {
    const { owner, body, application, evidenceId } = await setUp();
    actAs(owner);
    const pngId = await upload(application.id, fileOf(PNG_BYTES, "meter.png"));
    const verifier = await createUser("verifier", body.id);
    for (const [id, type, disposition] of [
      [evidenceId, "application/pdf", `attachment; filename="____ _March_.pdf"; filename*=UTF-8''%E7%94%B5%E8%B4%B9%E5%8F%91%E7%A5%A8%20%22March%22.pdf`],
      [pngId, "image/png", `inline; filename="meter.png"; filename*=UTF-8''meter.png`],
    ] as const) {
      const response = await download(verifier, id, "?inline=1");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(type);
      expect(response.headers.get("content-disposition")).toBe(disposition);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
      // Anything but inline=1 is the download.
      expect((await download(verifier, id, "?inline=true")).headers.get("content-disposition")).toMatch(/^attachment; /);
    }
  });

  it("keeps a CSV an attachment even when asked to show it inline, and refuses strangers inline too", async () => {
    const { owner, application } = await setUp();
    actAs(owner);
    const csvId = await upload(application.id, fileOf(Buffer.from("month,kwh\n2026-03,1200\n"), "meter.csv"));
    const response = await download(owner, csvId, "?inline=1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="meter.csv"; filename*=UTF-8''meter.csv`);
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect((await download(await createUser("verifier"), csvId, "?inline=1")).status).toBe(404);
    expect((await download(null, csvId, "?inline=1")).status).toBe(401);
  });

  it("serves the assigned body's verifier and reviewer, and the regulator of the region", async () => {
    const { body, evidenceId } = await setUp();
    for (const user of [
      await createUser("verifier", body.id),
      await createUser("reviewer", body.id),
      await createUser("regulator", (await createOrganization("regulator", { region: "500000" })).id),
    ]) {
      expect((await download(user, evidenceId)).status).toBe(200);
    }
  });

  it("answers 404 to everyone else and 401 to anonymous callers", async () => {
    const { evidenceId } = await setUp();
    const strangers = [
      await createUser("enterprise"),
      await createUser("verifier"),
      await createUser("reviewer"),
      await createUser("regulator", (await createOrganization("regulator", { region: "110000" })).id),
      await createUser("admin"),
    ];
    for (const user of strangers) expect((await download(user, evidenceId)).status).toBe(404);
    expect((await download(null, evidenceId)).status).toBe(401);
    const { owner } = await setUp();
    expect((await download(owner, crypto.randomUUID())).status).toBe(404);
    expect((await download(owner, "../../etc/passwd")).status).toBe(404);
  });

  it("lists the files to exactly the same readers", async () => {
    const { owner, body, application } = await setUp();
    const verifier = await createUser("verifier", body.id);
    for (const user of [owner, verifier]) {
      actAs(user);
      const current = await getCurrentUser();
      const files = await listEvidence(current!, application.id);
      expect(files.map((file) => file.fileName)).toEqual(["电费发票 \"March\".pdf"]);
      expect(files[0]).toMatchObject({ mimeType: "application/pdf", sizeBytes: PDF_BYTES.length, uploaderName: owner.name });
    }
    actAs(await createUser("enterprise"));
    expect(await listEvidence((await getCurrentUser())!, application.id)).toEqual([]);
    actAs(await createUser("admin"));
    await expect(listEvidence((await getCurrentUser())!, application.id)).rejects.toThrow();
  });
});
