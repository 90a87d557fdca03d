import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { siteInfo } from "@/lib/site-info";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("legal.help");
  return { title: t("title") };
}

const ROLE_SECTIONS = ["enterprise", "verifier", "regulator"] as const;

export default async function HelpPage() {
  const t = await getTranslations("legal.help");
  const { supportEmail } = siteInfo();
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="grid gap-6 lg:grid-cols-2">
        {ROLE_SECTIONS.map((role) => (
          <Card key={role}>
            <CardHeader title={t(`${role}Title`)} />
            <CardBody>
              <ol className="list-decimal space-y-2 pl-5 text-sm leading-relaxed text-slate-700">
                {(t.raw(role) as string[]).map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </CardBody>
          </Card>
        ))}
        <Card>
          <CardHeader title={t("publicTitle")} />
          <CardBody>
            <p className="text-sm leading-relaxed text-slate-700">{t("public")}</p>
          </CardBody>
        </Card>
        <Card id="contact">
          <CardHeader title={t("contactTitle")} />
          <CardBody>
            <p className="text-sm leading-relaxed text-slate-700">
              {supportEmail ? t("contactEmail", { email: supportEmail }) : t("contactNone")}
            </p>
            {supportEmail ? (
              <p className="mt-2 text-sm">
                <a className="break-all font-medium text-brand-800 underline" href={`mailto:${supportEmail}`}>
                  {supportEmail}
                </a>
              </p>
            ) : null}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
