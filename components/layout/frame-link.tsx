"use client";

import Link from "next/link";
import { createContext, useContext, type ComponentProps } from "react";

/**
 * Whether the frame is drawn outside the site's root layout (app/(site)): by the public label
 * page's or the unmatched address's document. Every link of the frame then leads into another
 * root layout, which is a full page load: Next.js's Link would prefetch payloads it can never use
 * and, on a click, fetch one more before loading the page.
 */
const OutsideSite = createContext(false);

export const OutsideSiteProvider = OutsideSite.Provider;

/** A link of the frame: the router's Link within the site, a plain anchor from outside it. */
export function FrameLink({ href, ...props }: { href: string } & Omit<ComponentProps<"a">, "href">) {
  return useContext(OutsideSite) ? <a href={href} {...props} /> : <Link href={href} {...props} />;
}
