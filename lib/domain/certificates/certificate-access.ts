import type { Certificate } from "@/db/schema";

type Actor = { role: string; organizationId: string; region: string };
type Scope = Pick<Certificate, "organizationId" | "verificationBodyId" | "region">;

/** Staff of the body that issued the certificate. */
export function isCertificateBody(actor: Actor, certificate: Scope): boolean {
  return (actor.role === "verifier" || actor.role === "reviewer") && actor.organizationId === certificate.verificationBodyId;
}

/** The regulator of the region the certificate was issued in. */
export function isCertificateRegulator(actor: Actor, certificate: Scope): boolean {
  return actor.role === "regulator" && actor.region === certificate.region;
}

/** Suspend, reinstate, withdraw: the certificate's body or its region's regulator. */
export function mayManageCertificate(actor: Actor, certificate: Scope): boolean {
  return isCertificateBody(actor, certificate) || isCertificateRegulator(actor, certificate);
}

/** The certificate PDF: the owning enterprise, the body and the region's regulator. */
export function mayDownloadCertificate(actor: Actor, certificate: Scope): boolean {
  return (
    (actor.role === "enterprise" && actor.organizationId === certificate.organizationId) ||
    mayManageCertificate(actor, certificate)
  );
}
