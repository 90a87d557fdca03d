import { useTranslations } from "next-intl";
import { DownloadMenu } from "@/components/ui/download-menu";

const LANGUAGES = [
  { lang: "zh-CN", key: "langZh" },
  { lang: "en", key: "langEn" },
] as const;

/**
 * One "Download" menu per certificate (not a row of small links). Label (public) downloads in both languages; with `includePdf`, the certificate PDF and the
 * bilingual study report it was issued with (owner, body, regulator); with `includePact` (the
 * holder and the issuing body, from the policy), the PACT v3 footprint and the signed credential.
 */
export function DownloadLinks({ number, includePdf = true, includePact = false }: { number: string; includePdf?: boolean; includePact?: boolean }) {
  const t = useTranslations("certificates");
  const reports = useTranslations("reports.studyReport");
  const base = `/api/certificates/${encodeURIComponent(number)}`;
  const links = LANGUAGES.flatMap(({ lang, key }) => [
    ...(includePdf ? [{ href: `${base}/certificate?lang=${lang}`, label: t("certificatePdf", { lang: t(key) }) }] : []),
    { href: `${base}/label?format=svg&lang=${lang}`, label: t("labelSvg", { lang: t(key) }) },
    { href: `${base}/label?format=png&lang=${lang}`, label: t("labelPng", { lang: t(key) }) },
  ])
    .concat(includePdf ? [{ href: `${base}/study-report`, label: reports("downloadShort") }] : [])
    .concat(
      includePact
        ? [
            { href: `${base}/pact`, label: t("pactJson") },
            { href: `/api/labels/${encodeURIComponent(number)}/credential?download=1`, label: t("credentialJson") },
          ]
        : [],
    );
  return <DownloadMenu label={t("download")} labelSuffix={number} links={links} />;
}
