import type { ReactNode } from "react";

/** `titleLang`: the language of a title that is data in its own language (an email's subject), not interface text. */
export function PageHeader({ title, titleLang, description, actions }: { title: ReactNode; titleLang?: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 lang={titleLang} className="text-2xl font-semibold tracking-tight text-slate-900">
          {title}
        </h1>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
