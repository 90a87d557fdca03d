import { PageHeader } from "@/components/page-header";
import { Card, CardBody } from "@/components/ui/card";

/** A page of headed paragraphs (terms of use, privacy policy). */
export function LegalPage({ title, intro, sections }: { title: string; intro: string; sections: Array<{ heading: string; body: string }> }) {
  return (
    <>
      <PageHeader title={title} description={intro} />
      <Card>
        <CardBody className="max-w-3xl space-y-6">
          {sections.map((section) => (
            <section key={section.heading} className="space-y-1">
              <h2 className="text-base font-semibold text-slate-900">{section.heading}</h2>
              <p className="text-sm leading-relaxed text-slate-700">{section.body}</p>
            </section>
          ))}
        </CardBody>
      </Card>
    </>
  );
}
