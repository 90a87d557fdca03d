import { useTranslations } from "next-intl";

const LANGUAGES = [
  { lang: "zh-CN", key: "langZh" },
  { lang: "en", key: "langEn" },
] as const;

/** Label (public) and certificate PDF (owner, body, regulator) downloads in both languages. */
export function DownloadLinks({ number, includePdf = true }: { number: string; includePdf?: boolean }) {
  const t = useTranslations("certificates");
  const base = `/api/certificates/${encodeURIComponent(number)}`;
  const links = LANGUAGES.flatMap(({ lang, key }) => [
    ...(includePdf ? [{ href: `${base}/certificate?lang=${lang}`, label: t("certificatePdf", { lang: t(key) }) }] : []),
    { href: `${base}/label?format=svg&lang=${lang}`, label: t("labelSvg", { lang: t(key) }) },
    { href: `${base}/label?format=png&lang=${lang}`, label: t("labelPng", { lang: t(key) }) },
  ]);
  return (
    <ul aria-label={t("downloadsFor", { number })} className="flex flex-wrap gap-x-3 gap-y-1 text-xs">
      {links.map((link) => (
        <li key={link.href}>
          <a href={link.href} download className="text-brand-700 hover:underline">
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
