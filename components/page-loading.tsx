import { useTranslations } from "next-intl";

/** The loading state of a portal area (each area's loading.tsx), below its access check. */
export function PageLoading() {
  const t = useTranslations("common");
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-16 text-slate-600">
      <span className="h-5 w-5 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" aria-hidden />
      {t("loading")}
    </div>
  );
}
