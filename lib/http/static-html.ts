import "server-only";
import type { ReactElement } from "react";

/**
 * A document as HTML with no scripts: React's static renderer, for the public label page, which a
 * QR code opens on a phone and which needs no code in the browser (its route handler says why).
 * Next.js refuses to bundle `react-dom/server` into server code, where a page should not need
 * it, so the renderer is loaded from node_modules when first used. What it renders must be plain
 * components: no hooks, no client components, no async components.
 */
export async function renderStaticHtml(document: ReactElement): Promise<string> {
  const { renderToStaticMarkup } = await import(/* turbopackIgnore: true */ "react-dom/server");
  return `<!doctype html>${renderToStaticMarkup(document)}`;
}
