import crypto from "node:crypto";
import { calculateJwkThumbprint } from "jose";
import { buildCertificateCredential, type CredentialSource } from "@/lib/credentials/certificate-credential";
import { signCredential } from "@/lib/credentials/jws";
import { buildStatusListCredential, encodeStatusList } from "@/lib/credentials/status-list";
import { CREDENTIAL_PATHS, STATUS_LIST_MIN_ENTRIES, type StatusPurpose } from "@/lib/credentials/vocabulary";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";

export const BASE_URL = "https://carbonlabel.example.cn";
export const BODY_ID = "0b7e6c1e-3f2a-4c8e-9d1b-5a6f7e8d9c0b";

/** The parts of a certificate snapshot a credential reads (the rest of a real snapshot is not stated in it). */
export function credentialSource(overrides: Partial<CredentialSource> = {}): CredentialSource {
  const snapshot = {
    number: "CFP-CQ-2026-7K3M9Q",
    category: { id: "laptop", nameZh: "笔记本计算机", nameEn: "Laptop computers" },
    enterprise: { id: "e1", name: "重庆渝新电子有限公司", nameEn: "Chongqing Yuxin Electronics", creditCode: "91500000MA5U7XXXXX" },
    verificationBody: { id: BODY_ID, name: "中环联合（重庆）认证中心", nameEn: "CEC Chongqing", accreditationNo: "CNCA-R-2026-001" },
    submission: { id: "s1", round: 1, snapshotSha256: "a".repeat(64) },
    inventory: {
      product: {
        nameZh: "教育笔记本电脑",
        nameEn: "Education laptop",
        model: "YX-13E",
        declaredUnitAmount: "1",
        declaredUnit: "piece",
        systemBoundary: "cradle_to_gate",
        periodStart: "2025-01-01",
        periodEnd: "2025-12-31",
        site: "重庆市渝北区",
      },
      calculation: {
        byStage: { production: "48.4412345678", raw_material: "250.1", distribution: "8" },
        byCategory: { fossil: "306.5412345678", biogenic: "0", land_use_change: "0" },
        biogenicRemovals: "-1.25",
      },
    },
    value: "306.5412345678",
    benchmark: { id: "b1", version: 3, value: "307", declaredUnit: "piece", effectiveFrom: "2026-01-01", source: "test", thresholds: [0.7, 0.85, 1, 1.15] },
    grade: 2,
  } as unknown as CertificateSnapshot;
  return {
    number: "CFP-CQ-2026-7K3M9Q",
    issuedOn: "2026-03-15",
    expiresOn: "2028-03-15",
    verificationBodyId: BODY_ID,
    snapshotSha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    snapshot,
    ...overrides,
  };
}

export async function testSigner() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync("ed25519");
  const { kty, crv, x } = publicKey.export({ format: "jwk" });
  const jwk = { kty: kty!, crv: crv!, x: x! };
  const kid = await calculateJwkThumbprint(jwk);
  return { key: privateKey, kid, jwk: { ...jwk, kid, alg: "EdDSA", use: "sig" } };
}

export type TestSigner = Awaited<ReturnType<typeof testSigner>>;

export async function signedStatusList(signer: TestSigner, purpose: StatusPurpose, setIndexes: number[], options: { bodyId?: string; issuerId?: string } = {}) {
  const bodyId = options.bodyId ?? BODY_ID;
  const credential = buildStatusListCredential({
    listUrl: `${BASE_URL}${CREDENTIAL_PATHS.statusList(bodyId, purpose)}`,
    issuer: { id: options.issuerId ?? `${BASE_URL}${CREDENTIAL_PATHS.issuer(bodyId)}`, name: "Body", nameEn: null, accreditationNo: null },
    purpose,
    encodedList: await encodeStatusList(setIndexes, STATUS_LIST_MIN_ENTRIES),
    validFrom: new Date("2026-03-15T02:00:00Z"),
  });
  return signCredential(credential, signer);
}

export async function signedCertificate(signer: TestSigner, statusListIndex = 4242, source = credentialSource()) {
  return signCredential(buildCertificateCredential(source, { baseUrl: BASE_URL, statusListIndex }), signer);
}
