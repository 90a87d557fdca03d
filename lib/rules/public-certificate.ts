/**
 * The public facts of one certificate, as its verification page and the page's JSON form show
 * them: built only from the frozen snapshot, the live status and the certificate's public
 * history, so the page, the JSON and the label always agree with what was certified.
 */
import { Decimal } from "@/lib/calc/decimal";
import { LABEL_FORMATS, labelDownloadPath, type LabelFormat } from "@/lib/certificates/label-path";
import { effectiveStatus } from "@/lib/certificates/validity";
import { LIFE_CYCLE_STAGES, type CertificateStatus, type LifeCycleStage, type SystemBoundary } from "@/lib/enums";
import { regionName } from "@/lib/regions";
import type { CertificateSnapshot } from "./certificate-snapshot";

const PUBLIC_STANDARD = "GB/T 24067-2024";
const PUBLIC_SCHEME = "CNCA-CFP-00:2025";

/** The audit actions that make up a certificate's public history (never who acted). */
export const PUBLIC_HISTORY_ACTIONS = [
  "certificate.surveillancePassed",
  "certificate.surveillanceFailed",
  "certificate.suspend",
  "certificate.reinstate",
  "certificate.withdraw",
] as const;
type PublicHistoryAction = (typeof PUBLIC_HISTORY_ACTIONS)[number];

type TimelineKind =
  | "issued"
  | "renews"
  | "surveillancePassed"
  | "surveillanceFailed"
  | "suspended"
  | "reinstated"
  | "withdrawn"
  | "recertified"
  | "expired"
  | "expires";

type TimelineEntry = {
  kind: TimelineKind;
  /** YYYY-MM-DD (Shanghai) for dates, an ISO instant for recorded events. */
  date: string;
  reason: string | null;
  /** The other certificate of a renewal. */
  certificateNumber: string | null;
};

type PublicCertificateSource = {
  number: string;
  status: CertificateStatus;
  statusReason: string | null;
  statusChangedAt: Date | null;
  issuedOn: string;
  expiresOn: string;
  region: string;
  district: string | null;
  snapshot: CertificateSnapshot;
  snapshotSha256: string;
  events: Array<{ action: PublicHistoryAction; at: string; reason: string | null; performedOn: string | null }>;
  /** The certificate this one renews, and the certificates that renewed it. */
  previousNumber: string | null;
  renewals: Array<{ number: string; issuedOn: string }>;
};

const ACTION_KINDS: Record<PublicHistoryAction, TimelineKind> = {
  "certificate.surveillancePassed": "surveillancePassed",
  "certificate.surveillanceFailed": "surveillanceFailed",
  "certificate.suspend": "suspended",
  "certificate.reinstate": "reinstated",
  "certificate.withdraw": "withdrawn",
};

/** A reason is public for a status change the label's reader must know about; a surveillance's notes are not. */
const REASON_IS_PUBLIC: Record<PublicHistoryAction, boolean> = {
  "certificate.surveillancePassed": false,
  "certificate.surveillanceFailed": true,
  "certificate.suspend": true,
  "certificate.reinstate": true,
  "certificate.withdraw": true,
};

/** Share of the total in percent with one decimal; null when the total is zero. */
function percentOf(part: string, total: string): string | null {
  const whole = new Decimal(total);
  if (whole.isZero()) return null;
  return new Decimal(part).div(whole).times(100).toDecimalPlaces(1).toFixed(1);
}

function timelineOf(source: PublicCertificateSource, status: CertificateStatus, today: string): TimelineEntry[] {
  const entry = (kind: TimelineKind, date: string, reason: string | null = null, certificateNumber: string | null = null) => ({
    kind,
    date,
    reason,
    certificateNumber,
  });
  const entries: TimelineEntry[] = [entry("issued", source.issuedOn)];
  if (source.previousNumber) entries.push(entry("renews", source.issuedOn, null, source.previousNumber));
  for (const event of source.events) {
    entries.push(
      entry(ACTION_KINDS[event.action], event.performedOn ?? event.at, REASON_IS_PUBLIC[event.action] ? event.reason : null),
    );
  }
  for (const renewal of source.renewals) entries.push(entry("recertified", renewal.issuedOn, null, renewal.number));
  if (status !== "withdrawn") entries.push(entry(source.expiresOn < today ? "expired" : "expires", source.expiresOn));
  return entries;
}

/** The upper ratio bound of each level (footprint ÷ benchmark); the last level has none. */
function gradeBands(thresholds: readonly number[]) {
  return [...thresholds.map((upTo, index) => ({ level: index + 1, upTo: String(upTo) })), { level: thresholds.length + 1, upTo: null }];
}

export function buildPublicCertificate(source: PublicCertificateSource, today: string) {
  const { snapshot } = source;
  const { product, calculation } = snapshot.inventory;
  const status = effectiveStatus(source.status, source.expiresOn, today);
  const district = source.district;
  return {
    number: source.number,
    status,
    /** Shown for a suspension or withdrawal only. */
    statusReason: status === "suspended" || status === "withdrawn" ? source.statusReason : null,
    statusChangedAt: source.statusChangedAt ? source.statusChangedAt.toISOString() : null,
    holder: {
      name: snapshot.enterprise.name,
      nameEn: snapshot.enterprise.nameEn,
      unifiedSocialCreditCode: snapshot.enterprise.creditCode,
      region: { code: source.region, nameZh: regionName(source.region, "zh-CN"), nameEn: regionName(source.region, "en") },
      district: district ? { code: district, nameZh: regionName(district, "zh-CN"), nameEn: regionName(district, "en") } : null,
    },
    scope: {
      product: { name: product.nameZh, nameEn: product.nameEn },
      model: product.model,
      category: { id: snapshot.category.id, name: snapshot.category.nameZh, nameEn: snapshot.category.nameEn },
      declaredUnit: { amount: product.declaredUnitAmount, unit: product.declaredUnit },
      systemBoundary: product.systemBoundary satisfies SystemBoundary,
      referencePeriod: { start: product.periodStart, end: product.periodEnd },
      productionSite: product.site,
    },
    standard: PUBLIC_STANDARD,
    certificationScheme: PUBLIC_SCHEME,
    result: {
      /** kg CO2e per declared unit, full precision. */
      value: snapshot.value,
      unit: "kg CO2e",
      stages: LIFE_CYCLE_STAGES.flatMap((stage: LifeCycleStage) => {
        const value = calculation.byStage[stage];
        return value === undefined ? [] : [{ stage, value, sharePercent: percentOf(value, snapshot.value) }];
      }),
      origin: {
        fossil: calculation.byCategory.fossil,
        biogenic: calculation.byCategory.biogenic,
        landUseChange: calculation.byCategory.land_use_change,
        biogenicRemovals: calculation.biogenicRemovals,
      },
    },
    grade: snapshot.benchmark
      ? {
          level: snapshot.grade,
          best: 1,
          levels: snapshot.benchmark.thresholds.length + 1,
          ratio: snapshot.ratio,
          bands: gradeBands(snapshot.benchmark.thresholds),
          benchmark: {
            value: snapshot.benchmark.value,
            declaredUnit: snapshot.benchmark.declaredUnit,
            version: snapshot.benchmark.version,
            effectiveFrom: snapshot.benchmark.effectiveFrom,
            source: snapshot.benchmark.source,
          },
        }
      : null,
    verificationBody: {
      name: snapshot.verificationBody.name,
      nameEn: snapshot.verificationBody.nameEn,
      accreditationNo: snapshot.verificationBody.accreditationNo,
    },
    validity: { issuedOn: source.issuedOn, expiresOn: source.expiresOn },
    timeline: timelineOf(source, status, today),
    snapshotSha256: source.snapshotSha256,
  };
}

/** The absolute download addresses the JSON form lists (the credential's is in its own member). */
export function publicDownloads(baseUrl: string, number: string) {
  const origin = baseUrl.replace(/\/+$/, "");
  return {
    label: Object.fromEntries(
      LABEL_FORMATS.map((format) => [
        format,
        { "zh-CN": `${origin}${labelDownloadPath(number, format, "zh-CN")}`, en: `${origin}${labelDownloadPath(number, format, "en")}` },
      ]),
    ) as Record<LabelFormat, Record<"zh-CN" | "en", string>>,
    credential: `${origin}/api/labels/${encodeURIComponent(number)}/credential?download=1`,
  };
}
