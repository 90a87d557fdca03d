/**
 * The W3C Verifiable Credential (Data Model 2.0) of one certificate: what the body certified,
 * built only from the certificate's frozen snapshot, so the same certificate always yields the
 * same credential (issuance and the start-up backfill agree).
 */
import { LIFE_CYCLE_STAGES, type CertificateStatus, type LifeCycleStage, type SystemBoundary } from "@/lib/enums";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";
import {
  CERTIFICATE_CREDENTIAL_TYPE,
  CERTIFICATION_SCHEME,
  CERTIFIED_FOOTPRINT_TYPE,
  CREDENTIAL_PATHS,
  FOOTPRINT_STANDARD,
  FOOTPRINT_UNIT,
  STATUS_PURPOSES,
  VC_CONTEXT_V2,
  type StatusPurpose,
} from "./vocabulary";

type LanguageValue = { "@value": string; "@language": string };

type StatusListEntry = {
  id: string;
  type: "BitstringStatusListEntry";
  statusPurpose: StatusPurpose;
  statusListIndex: string;
  statusListCredential: string;
};

export type CredentialIssuer = { id: string; name: string; nameEn: string | null; accreditationNo: string | null };

type CertifiedFootprint = {
  id: string;
  type: typeof CERTIFIED_FOOTPRINT_TYPE;
  certificateNumber: string;
  product: { name: string; nameEn: string; model: string; category: { id: string; name: string; nameEn: string } };
  enterprise: { name: string; nameEn: string | null; unifiedSocialCreditCode: string | null };
  declaredUnit: { amount: string; unit: string };
  /** kg CO2e per declared unit, exact decimals as strings (never floats). */
  carbonFootprint: { value: string; unit: typeof FOOTPRINT_UNIT };
  stageBreakdown: Array<{ stage: LifeCycleStage; value: string }>;
  emissionsByOrigin: { fossil: string; biogenic: string; landUseChange: string; biogenicRemovals: string };
  systemBoundary: SystemBoundary;
  referencePeriod: { start: string; end: string };
  productionSite: string;
  standard: typeof FOOTPRINT_STANDARD;
  certificationScheme: typeof CERTIFICATION_SCHEME;
  grade: number | null;
  benchmark: { version: number; value: string; declaredUnit: string; effectiveFrom: string } | null;
  validity: { issuedOn: string; expiresOn: string };
  /** SHA-256 of the certificate's canonical snapshot, and of the verified inventory it froze. */
  certificateSnapshotSha256: string;
  verifiedInventorySha256: string;
};

type CertificateCredential = {
  "@context": string[];
  id: string;
  type: string[];
  name: LanguageValue[];
  issuer: CredentialIssuer;
  validFrom: string;
  validUntil: string;
  credentialStatus: StatusListEntry[];
  credentialSubject: CertifiedFootprint;
};

/** The certificate columns and frozen snapshot a credential is built from. */
export type CredentialSource = {
  number: string;
  issuedOn: string;
  expiresOn: string;
  verificationBodyId: string;
  snapshotSha256: string;
  snapshot: CertificateSnapshot;
};

/** China keeps UTC+8 all year: a certificate is valid from the first to the last second of its days there. */
function validFromOf(issuedOn: string): string {
  return `${issuedOn}T00:00:00+08:00`;
}

function validUntilOf(expiresOn: string): string {
  return `${expiresOn}T23:59:59+08:00`;
}

function statusListEntry(baseUrl: string, bodyId: string, purpose: StatusPurpose, index: number): StatusListEntry {
  const list = `${baseUrl}${CREDENTIAL_PATHS.statusList(bodyId, purpose)}`;
  return {
    id: `${list}#${index}`,
    type: "BitstringStatusListEntry",
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: list,
  };
}

export function issuerOf(baseUrl: string, bodyId: string, body: Omit<CredentialIssuer, "id">): CredentialIssuer {
  return {
    id: `${baseUrl}${CREDENTIAL_PATHS.issuer(bodyId)}`,
    name: body.name,
    nameEn: body.nameEn,
    accreditationNo: body.accreditationNo,
  };
}

export function buildCertificateCredential(
  source: CredentialSource,
  options: { baseUrl: string; statusListIndex: number },
): CertificateCredential {
  const { snapshot } = source;
  const { product, calculation } = snapshot.inventory;
  const { baseUrl, statusListIndex } = options;
  return {
    "@context": [VC_CONTEXT_V2],
    id: `${baseUrl}${CREDENTIAL_PATHS.credential(source.number)}`,
    type: ["VerifiableCredential", CERTIFICATE_CREDENTIAL_TYPE],
    name: [
      { "@value": `产品碳足迹标识认证证书 ${source.number}`, "@language": "zh-CN" },
      { "@value": `Product carbon footprint label certificate ${source.number}`, "@language": "en" },
    ],
    issuer: issuerOf(baseUrl, source.verificationBodyId, snapshot.verificationBody),
    validFrom: validFromOf(source.issuedOn),
    validUntil: validUntilOf(source.expiresOn),
    credentialStatus: STATUS_PURPOSES.map((purpose) => statusListEntry(baseUrl, source.verificationBodyId, purpose, statusListIndex)),
    credentialSubject: {
      id: `${baseUrl}${CREDENTIAL_PATHS.label(source.number)}`,
      type: CERTIFIED_FOOTPRINT_TYPE,
      certificateNumber: source.number,
      product: {
        name: product.nameZh,
        nameEn: product.nameEn,
        model: product.model,
        category: { id: snapshot.category.id, name: snapshot.category.nameZh, nameEn: snapshot.category.nameEn },
      },
      enterprise: {
        name: snapshot.enterprise.name,
        nameEn: snapshot.enterprise.nameEn,
        unifiedSocialCreditCode: snapshot.enterprise.creditCode,
      },
      declaredUnit: { amount: product.declaredUnitAmount, unit: product.declaredUnit },
      carbonFootprint: { value: snapshot.value, unit: FOOTPRINT_UNIT },
      stageBreakdown: LIFE_CYCLE_STAGES.flatMap((stage) => {
        const value = calculation.byStage[stage];
        return value === undefined ? [] : [{ stage, value }];
      }),
      emissionsByOrigin: {
        fossil: calculation.byCategory.fossil,
        biogenic: calculation.byCategory.biogenic,
        landUseChange: calculation.byCategory.land_use_change,
        biogenicRemovals: calculation.biogenicRemovals,
      },
      systemBoundary: product.systemBoundary,
      referencePeriod: { start: product.periodStart, end: product.periodEnd },
      productionSite: product.site,
      standard: FOOTPRINT_STANDARD,
      certificationScheme: CERTIFICATION_SCHEME,
      grade: snapshot.grade,
      benchmark: snapshot.benchmark && {
        version: snapshot.benchmark.version,
        value: snapshot.benchmark.value,
        declaredUnit: snapshot.benchmark.declaredUnit,
        effectiveFrom: snapshot.benchmark.effectiveFrom,
      },
      validity: { issuedOn: source.issuedOn, expiresOn: source.expiresOn },
      certificateSnapshotSha256: source.snapshotSha256,
      verifiedInventorySha256: snapshot.submission.snapshotSha256,
    },
  };
}

/**
 * The bits a certificate's status sets in its body's two lists. Withdrawal and a recorded expiry
 * are final (revocation); a suspension is lifted by reinstatement. Expiry by date needs no bit:
 * every verifier checks `validUntil`, which the signature covers.
 */
export function statusBits(status: CertificateStatus): Record<StatusPurpose, boolean> {
  return {
    revocation: status === "withdrawn" || status === "expired",
    suspension: status === "suspended",
  };
}
