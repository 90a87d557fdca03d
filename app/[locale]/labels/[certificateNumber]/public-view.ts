import type { PublicCertificateView, PublicFact } from "@/components/certificates/public-certificate-view";
import { formatSignificant } from "@/lib/calc/format";
import { LABEL_MIN_PRINT_WIDTH_MM, LABEL_SIGNIFICANT_DIGITS, QR_QUIET_ZONE_MODULES } from "@/lib/certificates/label-svg";
import { CREDENTIAL_PATHS } from "@/lib/credentials/vocabulary";
import type { PublicCertificatePage } from "@/lib/dal/public-certificates";
import { LABEL_FORMATS } from "@/lib/certificates/label-path";

/** A translator bound to one namespace, from the page. */
type Translate = (key: string, values?: Record<string, string | number>) => string;

type PublicViewContext = {
  /** The `labels` namespace. */
  t: Translate;
  /** The `credentials.label` namespace. */
  credentials: Translate;
  en: boolean;
  /** A YYYY-MM-DD or ISO instant in the locale's long date form. */
  date: (value: string) => string;
  /** The declared unit in the page's language ("件", "1 kWh"). */
  unit: string;
};

const UNIT_OF_MASS = "kg CO₂e";

/**
 * Everything the public certificate page shows, translated and formatted on the server: the
 * client view only lays it out, so the browser receives the page's text once, not its markup.
 */
export function publicCertificateView(certificate: PublicCertificatePage, { t, credentials, en, date, unit }: PublicViewContext): PublicCertificateView {
  const { holder, scope, result, grade, status } = certificate;
  const none = t("public.none");
  const place = (region: { nameZh: string; nameEn: string } | null) => (region ? (en ? region.nameEn : region.nameZh) : none);
  const widest = Math.max(...result.stages.map((stage) => Math.abs(Number(stage.value))), Number.MIN_VALUE);
  const body = certificate.verificationBody;
  const locale = en ? "en" : "zh-CN";
  return {
    status: {
      tone: status,
      genuine: t("public.genuine"),
      number: certificate.number,
      headingPrefix: t("public.statusHeading"),
      heading: t(`public.statusNow.${status}`),
      explain: t(`public.statusExplain.${status}`, { expiresOn: date(certificate.validity.expiresOn) }),
      reason: certificate.statusReason
        ? {
            label: t("public.reason"),
            text: certificate.statusReason,
            since: certificate.statusChangedAt ? t("public.since", { date: date(certificate.statusChangedAt) }) : null,
          }
        : null,
      hint: t("public.genuineHint"),
    },
    label: {
      title: t("public.sections.label"),
      locale,
      alt: t("public.labelAlt", { number: certificate.number }),
      downloadHeading: t("public.downloadLabel"),
      languages: (["zh-CN", "en"] as const).map((language) => ({
        locale: language,
        name: t("public.labelLanguage", { language: t(language === "en" ? "public.languageEn" : "public.languageZh") }),
      })),
      formats: LABEL_FORMATS.map((format) => ({ format, text: t(`public.download${format === "svg" ? "Svg" : format === "png" ? "Png" : "Pdf"}`) })),
      printNote: t("public.printNote", { width: LABEL_MIN_PRINT_WIDTH_MM, modules: QR_QUIET_ZONE_MODULES }),
    },
    holder: {
      title: t("public.sections.holder"),
      facts: [
        { term: t("public.enterprise"), value: (en && holder.nameEn) || holder.name },
        { term: t("public.creditCode"), value: holder.unifiedSocialCreditCode ?? none, mono: true },
        { term: t("public.region"), value: place(holder.region) },
        { term: t("public.district"), value: place(holder.district) },
      ],
    },
    scope: {
      title: t("public.sections.scope"),
      facts: [
        { term: t("public.product"), value: (en && scope.product.nameEn) || scope.product.name },
        { term: t("public.model"), value: scope.model },
        { term: t("public.category"), value: (en && scope.category.nameEn) || scope.category.name },
        { term: t("public.declaredUnit"), value: unit },
        { term: t("public.boundary"), value: t(`systemBoundary.${scope.systemBoundary}`) },
        { term: t("public.referencePeriod"), value: t("public.periodRange", { start: date(scope.referencePeriod.start), end: date(scope.referencePeriod.end) }) },
        { term: t("public.productionSite"), value: scope.productionSite },
        { term: t("public.standard"), value: t("public.standardName") },
        { term: t("public.scheme"), value: t("public.schemeName") },
      ],
    },
    result: {
      title: t("public.sections.result"),
      value: formatSignificant(result.value, LABEL_SIGNIFICANT_DIGITS),
      perUnit: t("public.perUnit", { unit }),
      chartTitle: t("public.stageChartTitle"),
      columns: [t("public.stage"), t("public.emissions"), t("public.share")],
      stages: result.stages.map((stage) => ({
        name: t(`stages.${stage.stage}`),
        width: `${Math.max(1, (Math.abs(Number(stage.value)) / widest) * 100).toFixed(1)}%`,
        value: formatSignificant(stage.value, 4),
        share: stage.sharePercent === null ? none : `${stage.sharePercent} %`,
      })),
      total: { name: t("public.total"), value: formatSignificant(result.value, 4) },
      originTitle: t("public.origin"),
      origin: (
        [
          ["public.fossil", result.origin.fossil],
          ["public.biogenic", result.origin.biogenic],
          ["public.landUseChange", result.origin.landUseChange],
          ["public.biogenicRemovals", result.origin.biogenicRemovals],
        ] as const
      ).map(([key, value]) => ({ term: t(key), value: `${formatSignificant(value, 4)} ${UNIT_OF_MASS}` })),
    },
    grade: grade ? gradeView(grade, t, date, unit) : { title: t("public.sections.grade"), ungraded: t("public.noGradeText") },
    body: {
      title: t("public.sections.body"),
      facts: [
        { term: t("public.verificationBody"), value: (en && body.nameEn) || body.name },
        { term: t("public.accreditation"), value: body.accreditationNo ?? none },
        { term: t("public.snapshotDigest"), value: certificate.snapshotSha256, mono: true },
      ],
    },
    history: {
      title: t("public.sections.history"),
      entries: certificate.timeline.map((entry) => ({
        date: entry.date,
        dateText: date(entry.date),
        text: t(`public.timeline.${entry.kind}`, { number: entry.certificateNumber ?? "" }),
        reason: entry.reason ? t("public.timelineReason", { reason: entry.reason }) : null,
      })),
    },
    credential: {
      heading: credentials("credentialHeading"),
      text: credentials("credentialText"),
      download: { href: `${CREDENTIAL_PATHS.credential(certificate.number)}?download=1`, text: credentials("downloadJson") },
      verify: { href: "/verify", text: credentials("verifyLink") },
    },
  };
}

function gradeView(grade: NonNullable<PublicCertificatePage["grade"]>, t: Translate, date: PublicViewContext["date"], unit: string): PublicCertificateView["grade"] {
  const scale = t("public.gradeScale", { levels: grade.levels });
  const facts: PublicFact[] = [
    {
      term: t("public.benchmarkValue"),
      value: t("public.benchmarkValueText", {
        value: formatSignificant(grade.benchmark.value, 4),
        unit,
        version: grade.benchmark.version,
        effectiveFrom: date(grade.benchmark.effectiveFrom),
      }),
    },
    { term: t("public.ratio"), value: grade.ratio === null ? t("public.none") : formatSignificant(grade.ratio, 3) },
    { term: t("public.benchmarkSource"), value: grade.benchmark.source },
  ];
  return {
    title: t("public.sections.grade"),
    scale,
    headline: grade.level !== null ? t("public.gradeIs", { grade: grade.level }) : null,
    bands: grade.bands.map((band) => {
      const mine = band.level === grade.level;
      return {
        level: band.level,
        mine,
        name: [
          t("public.levelName", { level: band.level }),
          ...(band.level === grade.best ? [t("public.bestLevel")] : []),
          ...(mine ? [t("public.thisProduct")] : []),
        ].join(" · "),
        range:
          band.upTo === null
            ? t("public.bandAbove", { ratio: grade.bands[grade.bands.length - 2]?.upTo ?? "1" })
            : t("public.bandUpTo", { ratio: band.upTo }),
      };
    }),
    meaning: t("public.gradeMeaning"),
    facts,
  };
}
