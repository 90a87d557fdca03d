import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { EvidenceScanStatus } from "@/lib/enums";

/** Only a clean file, or one uploaded with no scanner configured, has bytes to download. */
export function isDownloadable(status: EvidenceScanStatus): boolean {
  return status === "clean" || status === "not_scanned";
}

/**
 * A file the malware scan holds (pending, or retried after a failed scan) or found infected says
 * so under its name, with what happens next; clean and unscanned files show nothing.
 */
export function ScanBadge({ status, infectedBy }: { status: EvidenceScanStatus; infectedBy: string | null }) {
  const t = useTranslations("evidence.scan");
  if (isDownloadable(status)) return null;
  const infected = status === "infected";
  return (
    <span className="mt-1 block font-normal">
      <Badge tone={infected ? "danger" : "warning"}>{infected ? t("infected") : status === "pending" ? t("pending") : t("scanFailed")}</Badge>
      <span className="mt-0.5 block text-xs text-slate-600">{infected ? t("infectedHint", { signature: infectedBy ?? "" }) : t("pendingHint")}</span>
    </span>
  );
}
