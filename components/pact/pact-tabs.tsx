import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/utils";

const TABS = [
  { href: "/enterprise/pact", key: "footprints" },
  { href: "/enterprise/pact/inbox", key: "inbox" },
  { href: "/enterprise/pact/partners", key: "partners" },
] as const;

type PactTab = (typeof TABS)[number]["key"];

/** The three pages of an enterprise's PACT exchange. */
export async function PactTabs({ current }: { current: PactTab }) {
  const t = await getTranslations("pact.tabs");
  return (
    <nav aria-label={t("label")} className="mb-6 flex flex-wrap gap-2 border-b border-slate-200 pb-2">
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1.5 text-sm font-medium",
            tab.key === current ? "bg-brand-100 text-brand-900" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
          )}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
