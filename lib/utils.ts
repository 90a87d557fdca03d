import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs));
}

/**
 * The navigation entry a path belongs to: the longest entry that is the path
 * or one of its parents ("/enterprise/applications/1" → "/enterprise"), so
 * the navigation can say where you are (aria-current). Null when none is.
 */
export function currentNavHref(pathname: string, hrefs: readonly string[]): string | null {
  const matches = hrefs.filter((href) => pathname === href || (href !== "/" && pathname.startsWith(`${href}/`)));
  return matches.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** Rows per page of the long lists (factors, users). */
export const LIST_PAGE_SIZE = 25;

/**
 * The page a list shows for a requested page number: never before the first nor past the last
 * (an empty list still has one page), and the offset of its first row.
 */
export function pageWindow(requested: number | undefined, total: number, pageSize: number = LIST_PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(requested ?? 1) || 1), pageCount);
  return { page, pageCount, offset: (page - 1) * pageSize };
}

/** A path with the given query parameters, leaving out empty ones (so links stay short and linkable). */
export function hrefWithParams(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A LIKE pattern matching the text anywhere, its wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
