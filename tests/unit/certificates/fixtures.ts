import en from "@/lib/i18n/messages/en/labels.json";
import zh from "@/lib/i18n/messages/zh-CN/labels.json";
import type { LabelStrings } from "@/lib/certificates/strings";
import type { CertificateArtifactData } from "@/lib/certificates/types";

export const EN_STRINGS: LabelStrings = en;
export const ZH_STRINGS: LabelStrings = zh;

export function artifactData(overrides: Partial<CertificateArtifactData> = {}): CertificateArtifactData {
  return {
    number: "CFP-CQ-2026-7K3M9Q",
    productNameZh: "轻薄笔记本电脑",
    productNameEn: "Thin & Light Laptop <Pro>",
    model: "TB14-G6",
    enterpriseName: "重庆某某电子科技有限公司",
    enterpriseNameEn: "Chongqing Example Electronics Co., Ltd.",
    categoryNameZh: "笔记本计算机",
    categoryNameEn: "Laptop computers",
    declaredUnitAmount: "1",
    declaredUnit: "piece",
    systemBoundary: "cradle_to_gate",
    value: "306.5412345678",
    byStage: { raw_material: "250.1", production: "48.4412345678", distribution: "8" },
    grade: 2,
    benchmarkVersion: 3,
    gradeLevels: 5,
    verificationBodyName: "中环联合（重庆）认证中心",
    verificationBodyNameEn: "CEC (Chongqing) Certification Centre",
    verificationBodyAccreditationNo: "CNCA-R-2025-101",
    leadVerifierName: "王核查",
    reviewerName: "李评定",
    statement:
      "经核查，该产品碳足迹量化符合 GB/T 24067-2024 的要求，数据真实、准确、完整。" +
      "The verification team reviewed every inventory line against its evidence. ".repeat(6),
    issuedOn: "2026-03-15",
    expiresOn: "2028-03-15",
    status: "valid",
    snapshotSha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    credentialSha256: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
    publicUrl: "https://carbonlabel.example.org/labels/CFP-CQ-2026-7K3M9Q",
    ...overrides,
  };
}
