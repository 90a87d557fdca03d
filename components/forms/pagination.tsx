import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonVariants } from "@/components/ui/button";
import { hrefWithParams } from "@/lib/utils";

type Props = {
  /** The accessible name of the navigation (which list it pages). */
  label: string;
  /** The previous page's link; null on the first page. */
  previousHref: string | null;
  /** The next page's link; null on the last page. */
  nextHref: string | null;
  /** Where the list stands, for lists that count their rows ("page X of Y", total); keyset lists leave it out. */
  position?: { page: number; pageCount: number; total: number };
  /** Link texts when "previous/next page" is not what they do (a keyset list goes back to the newest). */
  previousLabel?: string;
  nextLabel?: string;
};

/**
 * The links of a counted list's pages: `path` with the filters kept and `page` set (left out
 * for the first page, so the unfiltered list keeps its plain address).
 */
export function pageLinks(path: string, params: Record<string, string | number | null | undefined>, page: number, pageCount: number) {
  const at = (target: number) => hrefWithParams(path, { ...params, page: target > 1 ? target : undefined });
  return { previousHref: page > 1 ? at(page - 1) : null, nextHref: page < pageCount ? at(page + 1) : null };
}

/** Previous/next links of a server-paged list; pages live in the URL, so every page is linkable. */
export function Pagination({ label, previousHref, nextHref, position, previousLabel, nextLabel }: Props) {
  const t = useTranslations("common.pagination");
  const link = buttonVariants({ variant: "secondary", size: "sm" });
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      {previousHref ? (
        <Link className={link} href={previousHref} rel="prev">
          {previousLabel ?? t("previous")}
        </Link>
      ) : (
        <span />
      )}
      {position ? <p className="text-slate-700">{t("position", position)}</p> : null}
      {nextHref ? (
        <Link className={link} href={nextHref} rel="next">
          {nextLabel ?? t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
