import { useFormatter, useTranslations } from "next-intl";
import { DATE_FORMAT } from "@/lib/i18n/date-format";

/** Expiry date with the days left (or since), as a certificate holder reads it. */
export function ExpiryText({ expiresOn, daysUntilExpiry }: { expiresOn: string; daysUntilExpiry: number }) {
  const t = useTranslations("certificates");
  const format = useFormatter();
  return (
    <>
      {format.dateTime(new Date(expiresOn), DATE_FORMAT)}
      <span className={daysUntilExpiry < 90 ? "block text-xs text-amber-800" : "block text-xs text-slate-600"}>
        {daysUntilExpiry >= 0 ? t("daysLeft", { days: daysUntilExpiry }) : t("expiredAgo", { days: -daysUntilExpiry })}
      </span>
    </>
  );
}
