import { headers } from "next/headers";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { scopeKey } from "@/components/api-clients/scope-key";
import { PageHeader } from "@/components/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { API_SCOPES } from "@/lib/enums";
import { ACCESS_TOKEN_LIFETIME_SECONDS } from "@/lib/auth/api-credentials";
import { publicBaseUrl } from "@/lib/certificates/public-base-url";
import { TOKEN_ISSUANCE_POLICY } from "@/lib/domain/api-clients/issue-access-token";
import { PROBLEM_KINDS } from "@/lib/http/api/problem";
import { apiRequestPolicy } from "@/lib/http/api/route";
import { API_SCOPES_BY_ORGANIZATION_KIND } from "@/lib/policy";
import { ApiReference } from "./api-reference";

export async function generateMetadata() {
  const t = await getTranslations("developers");
  return { title: t("title") };
}

function Code({ children }: { children: string }) {
  return (
    <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100" tabIndex={0}>
      <code>{children}</code>
    </pre>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4">
      <Card>
        <CardHeader title={<span id={`${id}-title`}>{title}</span>} />
        <CardBody className="space-y-3 text-sm text-slate-800">{children}</CardBody>
      </Card>
    </section>
  );
}

/** The developer guide (token, footprints, inventory, conventions) and the interactive API reference. */
export default async function DevelopersPage() {
  const t = await getTranslations("developers");
  const clients = await getTranslations("apiClients");
  const api = await getTranslations("api");
  const request = await headers();
  const base = publicBaseUrl(`${request.get("x-forwarded-proto") ?? "http"}://${request.get("x-forwarded-host") ?? request.get("host") ?? "localhost"}`);
  const policy = apiRequestPolicy();
  const sections = [
    ["token", t("token.title")],
    ["footprints", t("footprints.title")],
    ["inventory", t("inventory.title")],
    ["conventions", t("conventions.title")],
    ["scopes", t("scopes.title")],
    ["problems", t("problems.title")],
    ["reference", t("reference.title")],
  ] as const;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <nav aria-label={t("contents")} className="mb-6 flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {sections.map(([id, title]) => (
          <a key={id} href={`#${id}`} className="text-brand-700 underline-offset-4 hover:underline">
            {title}
          </a>
        ))}
        <a href="/api/v1/openapi.json" className="text-brand-700 underline-offset-4 hover:underline">
          {t("links.openapi")}
        </a>
        {/* A JSON document, not a page: the lint rule reads the path as the label page's /[locale]/… */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/.well-known/openid-configuration" className="text-brand-700 underline-offset-4 hover:underline">
          {t("links.discovery")}
        </a>
      </nav>
      <div className="space-y-6">
        <Section id="token" title={t("token.title")}>
          <p>{t("token.body")}</p>
          <Code>{`curl -s -X POST ${base}/auth/token \\
  -u "$CLIENT_ID:$CLIENT_SECRET" \\
  -d grant_type=client_credentials

{"access_token":"eyJ…","token_type":"Bearer","expires_in":${ACCESS_TOKEN_LIFETIME_SECONDS},"scope":"applications:write certificates:read"}`}</Code>
          <p>{t("token.after", { minutes: ACCESS_TOKEN_LIFETIME_SECONDS / 60 })}</p>
        </Section>
        <Section id="footprints" title={t("footprints.title")}>
          <p>{t("footprints.body")}</p>
          <Code>{`curl -s ${base}/3/footprints?limit=10 -H "Authorization: Bearer $TOKEN"`}</Code>
          <p>{t("footprints.rest")}</p>
          <Code>{`curl -s "${base}/api/v1/certificates?limit=10" -H "Authorization: Bearer $TOKEN" -H "Accept-Language: en"
curl -s ${base}/api/v1/certificates/CFP-CQ-2026-7K3M9Q/status -H "Authorization: Bearer $TOKEN"`}</Code>
        </Section>
        <Section id="inventory" title={t("inventory.title")}>
          <p>{t("inventory.body")}</p>
          <Code>{`# a draft for one of your products
curl -s -X POST ${base}/api/v1/applications -H "Authorization: Bearer $TOKEN" \\
  -H "Content-Type: application/json" -H "Idempotency-Key: erp-4711-open" \\
  -d '{"productId":"$PRODUCT_ID"}'

# one line of activity data (plant electricity, 40 % allocated to this product)
curl -s -X POST ${base}/api/v1/applications/$APPLICATION_ID/inventory-lines \\
  -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -H "Idempotency-Key: erp-4711-line-1" \\
  -d '{"stage":"production","description":"Plant electricity","quantity":"250","unit":"MWh",
       "source":"database_factor","factorId":"$FACTOR_ID","dataType":"primary",
       "dqrTechnological":2,"dqrGeographical":2,"dqrTemporal":2,"allocationShare":"0.4","emissionCategory":"fossil"}'

# or the whole inventory at once (all rows or none)
curl -s -X POST ${base}/api/v1/applications/$APPLICATION_ID/inventory-imports \\
  -H "Authorization: Bearer $TOKEN" -F file=@inventory.xlsx

curl -s -X POST ${base}/api/v1/applications/$APPLICATION_ID/calculations -H "Authorization: Bearer $TOKEN"
curl -s -X POST ${base}/api/v1/applications/$APPLICATION_ID/submissions -H "Authorization: Bearer $TOKEN" \\
  -H "Content-Type: application/json" -d '{"verificationBodyId":"$BODY_ID"}'`}</Code>
          <p>{t("inventory.factors")}</p>
        </Section>
        <Section id="conventions" title={t("conventions.title")}>
          <ul className="list-disc space-y-2 pl-5">
            <li>{t("conventions.pagination")}</li>
            <li>{t("conventions.errors")}</li>
            <li>{t("conventions.idempotency")}</li>
            <li>{t("conventions.rateLimits", { limit: policy.limit, tokens: TOKEN_ISSUANCE_POLICY.limit })}</li>
            <li>{t("conventions.etags")}</li>
          </ul>
        </Section>
        <Section id="scopes" title={t("scopes.title")}>
          <Table>
            <thead>
              <tr>
                <Th>{t("scopes.scope")}</Th>
                <Th>{t("scopes.grants")}</Th>
                <Th>{t("scopes.who")}</Th>
              </tr>
            </thead>
            <tbody>
              {API_SCOPES.map((scope) => (
                <tr key={scope}>
                  <Td className="whitespace-nowrap font-mono text-xs">{scope}</Td>
                  <Td>{clients(`scopeDescriptions.${scopeKey(scope)}`)}</Td>
                  <Td>{API_SCOPES_BY_ORGANIZATION_KIND.regulator.includes(scope) ? t("scopes.everyone") : t("scopes.enterprise")}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Section>
        <Section id="problems" title={t("problems.title")}>
          <p>{t("problems.body")}</p>
          <dl className="space-y-2">
            {PROBLEM_KINDS.map((kind) => (
              <div key={kind} id={`problem-${kind}`} className="scroll-mt-4">
                <dt className="font-mono text-xs text-slate-700">{kind}</dt>
                <dd>
                  <span className="font-medium">{api(`problems.${kind}.title`)}</span> — {api(`problems.${kind}.detail`)}
                </dd>
              </div>
            ))}
          </dl>
        </Section>
        <section aria-labelledby="reference-title" id="reference" className="scroll-mt-4">
          <h2 id="reference-title" className="mb-3 text-lg font-semibold text-slate-900">
            {t("reference.title")}
          </h2>
          <ApiReference documentUrl="/api/v1/openapi.json" scriptUrl="/developers/api-reference.js" />
        </section>
      </div>
    </>
  );
}
