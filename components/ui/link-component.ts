import type { ComponentProps, ComponentType } from "react";

/**
 * How a shared component links: the router's Link on a page of the App Router, a plain anchor
 * (`"a"`) on a page sent without scripts (lib/http/static-html.ts).
 */
export type LinkComponent = ComponentType<{ href: string } & Omit<ComponentProps<"a">, "href">> | "a";
