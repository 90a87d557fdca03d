import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { getLandingPage } from "@/lib/dal/public-stats";

export const dynamic = "force-dynamic";

const STEPS = ["register", "collect", "calculate", "verify", "label"] as const;

export default async function Landing() {
  const [t, { stats, workspaceHref }] = await Promise.all([getTranslations("home"), getLandingPage()]);
  return (
    <div className="space-y-10">
      <section className="rounded-2xl bg-gradient-to-br from-brand-800 to-brand-600 px-6 py-10 text-white sm:px-10">
        <h1 className="max-w-3xl text-3xl font-semibold leading-tight sm:text-4xl">{t("heroTitle")}</h1>
        <p className="mt-3 max-w-2xl text-brand-50">{t("heroBody")}</p>
        <form action="/registry" method="get" role="search" className="mt-6 flex max-w-xl flex-col gap-2 sm:flex-row">
          <label htmlFor="registry-q" className="sr-only">
            {t("searchLabel")}
          </label>
          <Input id="registry-q" name="q" placeholder={t("searchPlaceholder")} className="bg-white text-slate-900" />
          <Button type="submit" variant="secondary">
            {t("searchButton")}
          </Button>
        </form>
        <div className="mt-6 flex flex-wrap gap-3 text-sm">
          {workspaceHref ? (
            <Link href={workspaceHref} className="rounded-md bg-white px-4 py-2 font-medium text-brand-800">
              {t("openWorkspace")}
            </Link>
          ) : (
            <>
              <Link href="/login" className="rounded-md bg-white px-4 py-2 font-medium text-brand-800">
                {t("signIn")}
              </Link>
              <Link href="/signup" className="rounded-md border border-white/70 px-4 py-2 font-medium text-white">
                {t("signUp")}
              </Link>
            </>
          )}
        </div>
      </section>
      <section aria-labelledby="figures" className="grid gap-4 sm:grid-cols-2">
        <h2 id="figures" className="sr-only">
          {t("figures")}
        </h2>
        <div className="ui-card ui-card-body">
          <p className="text-sm text-slate-600">{t("validCertificates")}</p>
          <p className="mt-1 text-3xl font-semibold tabular-nums">{stats.validCertificates}</p>
        </div>
        <div className="ui-card ui-card-body">
          <p className="text-sm text-slate-600">{t("certifiedEnterprises")}</p>
          <p className="mt-1 text-3xl font-semibold tabular-nums">{stats.certifiedEnterprises}</p>
        </div>
      </section>
      <section aria-labelledby="how">
        <h2 id="how" className="mb-4 text-xl font-semibold">
          {t("howTitle")}
        </h2>
        <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          {STEPS.map((step, index) => (
            // The list item is the card itself: the landing page is the one every visitor loads first.
            <li key={step} className="ui-card ui-card-body">
              <p className="text-sm font-semibold text-brand-700">{index + 1}</p>
              <p className="mt-1 font-medium">{t(`steps.${step}.title`)}</p>
              <p className="mt-1 text-sm text-slate-600">{t(`steps.${step}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
