"use client";

import { usePathname } from "next/navigation";
import { cn, currentNavHref } from "@/lib/utils";
import { FrameLink } from "./frame-link";

type NavLinkItem = { href: string; label: string };

/** The header's links, the current page's marked for sight and for screen readers (aria-current). */
export function NavLinks({ items, className, linkClassName, onNavigate }: { items: NavLinkItem[]; className?: string; linkClassName?: string; onNavigate?: () => void }) {
  const current = currentNavHref(usePathname(), items.map((item) => item.href));
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.href}>
          <FrameLink
            href={item.href}
            onClick={onNavigate}
            aria-current={item.href === current ? "page" : undefined}
            className={cn("ui-nav-link", linkClassName)}
          >
            {item.label}
          </FrameLink>
        </li>
      ))}
    </ul>
  );
}
