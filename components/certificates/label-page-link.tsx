import type { ReactNode } from "react";

/**
 * A link to a certificate's public label page. That page is HTML from a route handler
 * (ARCHITECTURE.md, "The public label page"), so following a link to it is a full page load: a plain anchor, which Next.js neither prefetches (a registry page of 20 rows fetched
 * 20 payloads it could never use) nor routes on the client.
 */
export function LabelPageLink({ number, className, children }: { number: string; className: string; children?: ReactNode }) {
  return (
    <a className={className} href={`/labels/${encodeURIComponent(number)}`}>
      {children ?? number}
    </a>
  );
}
