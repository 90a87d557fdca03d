"use client";

import { ChevronDown, Download } from "lucide-react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

type DownloadMenuLink = { href: string; label: string };

type Props = {
  /** The button's visible text ("Download"). */
  label: string;
  /** Read after the label by screen readers only, so each row's button is told apart ("CFP-CQ-2026-…"). */
  labelSuffix?: string;
  links: readonly DownloadMenuLink[];
};

/**
 * One button that opens the list of a certificate's downloads, instead of a row of small links:
 * a disclosure (button with aria-expanded controlling a list of links), so every link keeps its
 * name and role for assistive technology. Enter or Space opens it (a button's own keys), the
 * arrow keys move between the links, Escape closes it and returns focus to the button, and so does
 * moving focus or clicking outside. The list opens in the flow, below the button, so a table's
 * sideways scroller never clips it. Every target is at least 24 px high (WCAG 2.2, 2.5.8).
 */
export function DownloadMenu({ label, labelSuffix, links }: Props) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  const linkElements = () => [...(list.current?.querySelectorAll<HTMLAnchorElement>("a") ?? [])];

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    if (!open) {
      setOpen(true);
      // The list renders on the next frame; then the first (or last) link takes focus.
      requestAnimationFrame(() => {
        const items = linkElements();
        (event.key === "ArrowDown" ? items[0] : items.at(-1))?.focus();
      });
      return;
    }
    const items = linkElements();
    const current = items.indexOf(document.activeElement as HTMLAnchorElement);
    // From the button, down is the first link and up the last; from a link, the next or previous, around.
    const next = current === -1 ? (event.key === "ArrowDown" ? 0 : items.length - 1) : (current + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
  }

  return (
    <div
      ref={root}
      className="inline-block max-w-full"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
        className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "min-h-8")}
      >
        <Download aria-hidden="true" className="h-4 w-4" />
        {label}
        {labelSuffix ? <span className="sr-only"> {labelSuffix}</span> : null}
        <ChevronDown aria-hidden="true" className={cn("h-4 w-4 transition-transform", open && "rotate-180")} />
      </button>
      <ul
        ref={list}
        id={listId}
        hidden={!open}
        className="mt-1 min-w-48 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-sm"
      >
        {links.map((link) => (
          <li key={link.href}>
            <a
              href={link.href}
              download
              onClick={() => setOpen(false)}
              className="flex min-h-8 items-center px-3 py-1 text-brand-700 hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600"
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
