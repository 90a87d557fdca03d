import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonVariants } from "@/components/ui/button";
import type { LinkComponent } from "@/components/ui/link-component";
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
export function Pagination({ previousLabel, nextLabel, ...props }: Props) {
  const t = useTranslations("common.pagination");
  return (
    <PaginationLinks
      {...props}
      Link={Link}
      texts={{
        previous: previousLabel ?? t("previous"),
        next: nextLabel ?? t("next"),
        position: props.position ? t("position", props.position) : null,
      }}
    />
  );
}

/**
 * The same links with their texts translated by the caller and the caller's link: for a page
 * rendered without hooks or the router (lib/http/static-html.ts), plain anchors.
 */
export function PaginationLinks({
  label,
  previousHref,
  nextHref,
  texts,
  Link: RouteLink,
}: Pick<Props, "label" | "previousHref" | "nextHref"> & { texts: { previous: string; next: string; position: string | null }; Link: LinkComponent }) {
  const link = buttonVariants({ variant: "secondary", size: "sm" });
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      {previousHref ? (
        <RouteLink className={link} href={previousHref} rel="prev">
          {texts.previous}
        </RouteLink>
      ) : (
        <span />
      )}
      {texts.position ? <p className="text-slate-700">{texts.position}</p> : null}
      {nextHref ? (
        <RouteLink className={link} href={nextHref} rel="next">
          {texts.next}
        </RouteLink>
      ) : (
        <span />
      )}
    </nav>
  );
}
