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
      <div className="ui-footer-bar">
        <p>{t("operator", { operator: operatorName ?? t("operatorDefault") })}</p>
        <nav aria-label={t("label")}>
          <ul className="flex flex-wrap gap-1">
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
