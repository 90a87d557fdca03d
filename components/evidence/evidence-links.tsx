import { Download, ExternalLink } from "lucide-react";
import { useTranslations } from "next-intl";
import { opensInBrowser } from "@/lib/evidence/rules";

/**
 * "Open" (a PDF or image, shown by the browser in a new tab) and "Download" for one file the
 * scan has released. The route decides inline by type too; the link is only offered where it will.
 */
export function EvidenceLinks({ file }: { file: { id: string; fileName: string; mimeType: string } }) {
  const t = useTranslations("evidence");
  const link = "inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline";
  return (
    <span className="inline-flex flex-wrap items-center gap-3">
      {opensInBrowser(file.mimeType) ? (
        <a href={`/api/evidence/${file.id}?inline=1`} target="_blank" rel="noopener noreferrer" className={link} aria-label={t("openNamed", { name: file.fileName })}>
          <ExternalLink className="size-4" aria-hidden />
          {t("open")}
        </a>
      ) : null}
      <a href={`/api/evidence/${file.id}`} download={file.fileName} className={link} aria-label={t("downloadNamed", { name: file.fileName })}>
        <Download className="size-4" aria-hidden />
        {t("download")}
      </a>
    </span>
  );
}
