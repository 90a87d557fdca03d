import { describe, expect, it } from "vitest";
import { certificateRegionCode } from "@/lib/certificates/region-code";
import { addDays } from "@/lib/certificates/validity";
import type { UserRole } from "@/lib/enums";
import { mayReachCertificate, ROLES_BY_ORGANIZATION_KIND, type UserActor } from "@/lib/policy";

function actor({ role, organizationId, region }: { role: UserRole; organizationId: string; region: string }): UserActor {
  const kind = (Object.keys(ROLES_BY_ORGANIZATION_KIND) as UserActor["organizationKind"][]).find((k) => ROLES_BY_ORGANIZATION_KIND[k].includes(role))!;
  return { id: "u", email: "u@example.org", name: "U", role, organizationId, organizationKind: kind, organizationName: "O", region, district: null };
}
const mayManageCertificate = (user: Parameters<typeof actor>[0], certificate: Parameters<typeof mayReachCertificate>[2]) =>
  mayReachCertificate(actor(user), "certificate.suspend", certificate);
const mayDownloadCertificate = (user: Parameters<typeof actor>[0], certificate: Parameters<typeof mayReachCertificate>[2]) =>
  mayReachCertificate(actor(user), "certificate.download", certificate);

const certificate = { organizationId: "enterprise-1", verificationBodyId: "body-1", region: "500000" };

describe("who may act on a certificate", () => {
  it("lets the issuing body's staff and the region's regulator manage it, nobody else", () => {
    expect(mayManageCertificate({ role: "verifier", organizationId: "body-1", region: "500000" }, certificate)).toBe(true);
    expect(mayManageCertificate({ role: "reviewer", organizationId: "body-1", region: "110000" }, certificate)).toBe(true);
    expect(mayManageCertificate({ role: "regulator", organizationId: "bureau", region: "500000" }, certificate)).toBe(true);
    expect(mayManageCertificate({ role: "verifier", organizationId: "body-2", region: "500000" }, certificate)).toBe(false);
    expect(mayManageCertificate({ role: "regulator", organizationId: "bureau-2", region: "510000" }, certificate)).toBe(false);
    expect(mayManageCertificate({ role: "enterprise", organizationId: "enterprise-1", region: "500000" }, certificate)).toBe(false);
    // An enterprise user's organization id equal to the body id must not pass (role decides too).
    expect(mayManageCertificate({ role: "enterprise", organizationId: "body-1", region: "500000" }, certificate)).toBe(false);
  });

  it("lets the owner download the PDF, but not another enterprise or an admin", () => {
    expect(mayDownloadCertificate({ role: "enterprise", organizationId: "enterprise-1", region: "500000" }, certificate)).toBe(true);
    expect(mayDownloadCertificate({ role: "enterprise", organizationId: "enterprise-2", region: "500000" }, certificate)).toBe(false);
    expect(mayDownloadCertificate({ role: "admin", organizationId: "enterprise-1", region: "500000" }, certificate)).toBe(false);
  });
});

describe("certificate region codes and day arithmetic", () => {
  it("maps Chongqing to CQ and refuses an unknown region", () => {
    expect(certificateRegionCode("500000")).toBe("CQ");
    expect(() => certificateRegionCode("999999")).toThrow(RangeError);
  });

  it("adds days across month and leap-year ends", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-11-23", -30)).toBe("2026-10-24");
  });
});
