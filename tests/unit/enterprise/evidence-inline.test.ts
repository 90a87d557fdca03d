import { describe, expect, it } from "vitest";
import { EVIDENCE_TYPES, opensInBrowser } from "@/lib/evidence/rules";
import { attachmentDisposition, inlineDisposition } from "@/lib/http/content-disposition";

describe("evidence shown in the browser", () => {
  it("opens PDFs and images only; spreadsheets, CSV and anything unknown stay downloads", () => {
    expect(EVIDENCE_TYPES.filter((type) => opensInBrowser(type.mime)).map((type) => type.extension)).toEqual(["png", "jpg"]);
    for (const mime of ["text/csv", "text/html", "image/svg+xml", "application/octet-stream", ""]) expect(opensInBrowser(mime)).toBe(false);
  });

  it("names the file the same way inline as in a download", () => {
    expect(inlineDisposition("发票 \"3\".pdf")).toBe(`inline; filename="__ _3_.pdf"; filename*=UTF-8''%E5%8F%91%E7%A5%A8%20%223%22.pdf`);
    expect(attachmentDisposition("发票 \"3\".pdf")).toBe(`attachment; filename="__ _3_.pdf"; filename*=UTF-8''%E5%8F%91%E7%A5%A8%20%223%22.pdf`);
  });
});
