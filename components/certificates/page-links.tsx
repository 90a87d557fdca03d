import Link from "next/link";
import { useTranslations } from "next-intl";

type Props = {
  path: string;
  /** Query parameters to keep (filters); `page` is replaced. */
  params: Record<string, string | undefined>;
  page: number;
  pages: number;
  label: string;
};

export function pageHref(path: string, params: Props["params"], page: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** Previous / next links of a paged list, with "page x of y". */
export function PageLinks({ path, params, page, pages, label }: Props) {
  const t = useTranslations("common");
  if (pages <= 1) return null;
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100";
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 px-4 py-3 text-sm sm:px-6">
      {page > 1 ? (
        <Link rel="prev" className={linkClass} href={pageHref(path, params, page - 1)}>
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">{t("page", { page, pages })}</span>
      {page < pages ? (
        <Link rel="next" className={linkClass} href={pageHref(path, params, page + 1)}>
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
