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
