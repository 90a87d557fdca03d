import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as certificatePdf } from "@/app/api/certificates/[number]/certificate/route";
import { GET as labelImage } from "@/app/api/certificates/[number]/label/route";
import { objectStorage } from "@/lib/storage";
import { createIssuedCertificate } from "../support/certificate-fixtures";
import { actAs } from "../support/factories";
import { startS3Server, type S3TestServer } from "../support/s3-server";

const params = (number: string) => ({ params: Promise.resolve({ number }) });
const S3_VARIABLES = ["S3_ENDPOINT", "S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

let server: S3TestServer;
beforeAll(async () => {
  server = await startS3Server();
  Object.assign(process.env, server.env);
});
afterAll(async () => {
  for (const name of S3_VARIABLES) delete process.env[name];
  await server.dispose();
});

async function bytesOf(response: Response): Promise<Buffer> {
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe("certificate PDFs and label PNGs kept in object storage", () => {
  it("draws a PDF once per certificate and language and serves the stored file afterwards", async () => {
    const { certificate, enterpriseUser } = await createIssuedCertificate();
    actAs(enterpriseUser);
    const prefix = `artifacts/${certificate.number}/`;
    const first = await bytesOf(await certificatePdf(new Request("http://portal.test/x?lang=en"), params(certificate.number)));
    expect(first.subarray(0, 5).toString()).toBe("%PDF-");
    const stored = await objectStorage().list(`${prefix}en/`);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(new RegExp(`^${prefix}en/certificate-[0-9a-f]{64}\\.pdf$`));

    // The stored file is what is served: replace its bytes and the next download carries them.
    await objectStorage().put(stored[0], Buffer.from("%PDF-stored"), "application/pdf");
    const second = await bytesOf(await certificatePdf(new Request("http://portal.test/x?lang=en"), params(certificate.number)));
    expect(second.toString()).toBe("%PDF-stored");

    await bytesOf(await certificatePdf(new Request("http://portal.test/x?lang=zh-CN"), params(certificate.number)));
    expect(await objectStorage().list(`${prefix}zh-CN/`)).toHaveLength(1);
  });

  it("draws anew when what the document shows changes, and removes the older file", async () => {
    const { certificate, enterpriseUser } = await createIssuedCertificate();
    actAs(enterpriseUser);
    const prefix = `artifacts/${certificate.number}/en/`;
    await bytesOf(await certificatePdf(new Request("http://portal.test/x?lang=en"), params(certificate.number)));
    const [before] = await objectStorage().list(prefix);
    // Another public address puts another URL into the QR code.
    await bytesOf(await certificatePdf(new Request("http://labels.example.org/x?lang=en"), params(certificate.number)));
    const after = await objectStorage().list(prefix);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
  });

  it("keeps the label PNG, and the SVG is drawn on every request", async () => {
    const { certificate } = await createIssuedCertificate();
    actAs(null);
    const png = await bytesOf(await labelImage(new Request("http://portal.test/x?format=png&lang=zh-CN"), params(certificate.number)));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const [key] = await objectStorage().list(`artifacts/${certificate.number}/zh-CN/`);
    expect(key).toMatch(/\/label-[0-9a-f]{64}\.png$/);
    await bytesOf(await labelImage(new Request("http://portal.test/x?format=svg&lang=zh-CN"), params(certificate.number)));
    expect(await objectStorage().list(`artifacts/${certificate.number}/zh-CN/`)).toEqual([key]);
  });

  it("still serves the PDF during a storage outage, drawn for the request", async () => {
    const { certificate, enterpriseUser } = await createIssuedCertificate();
    actAs(enterpriseUser);
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await server.stop();
    try {
      const pdf = await bytesOf(await certificatePdf(new Request("http://portal.test/x?lang=en"), params(certificate.number)));
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    } finally {
      await server.start();
      vi.restoreAllMocks();
    }
  });
});
