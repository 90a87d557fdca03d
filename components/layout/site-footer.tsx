import Link from "next/link";
import { useTranslations } from "next-intl";

/** Every page's footer: who operates the platform, and its help, contact, terms and privacy pages. */
export function SiteFooter({ operatorName }: { operatorName: string | null }) {
  const t = useTranslations("legal.footer");
  const links = [
    { href: "/help", label: t("help") },
    { href: "/help#contact", label: t("contact") },
    { href: "/terms", label: t("terms") },
    { href: "/privacy", label: t("privacy") },
    { href: "/registry", label: t("registry") },
  ];
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-col gap-3 px-4 py-6 text-sm text-slate-700 sm:flex-row sm:items-center sm:justify-between sm:px-6 lg:px-8">
        <p>{t("operator", { operator: operatorName ?? t("operatorDefault") })}</p>
        <nav aria-label={t("label")}>
          <ul className="flex flex-wrap gap-x-1 gap-y-1">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="ui-footer-link">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
