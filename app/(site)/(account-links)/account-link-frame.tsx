import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";

type Props = {
  title: string;
  intro: string;
  /** The `token` search parameter of the emailed link, as the page received it. */
  token: string | string[] | undefined;
  /** What the page says when the link carries no token. */
  noToken: ReactNode;
  /** The link's form, given the token. */
  children: (token: string) => ReactNode;
};

/**
 * The page an emailed account link opens (password reset, address confirmation): its heading and
 * intro, then the link's form in a card — or, when the link carries no single token, a warning.
 */
export function AccountLinkFrame({ title, intro, token, noToken, children }: Props) {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">{title}</h1>
      <p className="mb-6 text-sm text-slate-600">{intro}</p>
      {typeof token === "string" && token ? (
        <Card>
          <CardBody>{children(token)}</CardBody>
        </Card>
      ) : (
        <Alert tone="warning">{noToken}</Alert>
      )}
    </div>
  );
}
