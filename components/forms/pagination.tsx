import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";

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

/** Previous/next links of a server-paged list; pages live in the URL, so every page is linkable. */
export async function Pagination({ label, previousHref, nextHref, position, previousLabel, nextLabel }: Props) {
  const t = await getTranslations("common.pagination");
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
      {position ? (
        <p className="text-slate-700" aria-live="polite">
          {t("position", position)}
        </p>
      ) : null}
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
