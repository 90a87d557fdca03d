import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NAMESPACES, ROOT, requiredNamespaces, sourceFiles } from "../../support/client-graph";

/**
 * Each layout with a `client-namespaces.ts` beside it hands the browser only
 * those namespaces (components/layout/client-messages.tsx). The list must be
 * exactly what the client components rendered below it translate: a missing
 * namespace would show raw keys, an extra one ships text for nothing.
 */
const APP = path.join(ROOT, "app");

function boundaries(dir: string): string[] {
  const found = fs.existsSync(path.join(dir, "client-namespaces.ts")) ? [dir] : [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...boundaries(path.join(dir, entry.name)));
  }
  return found;
}

const BOUNDARIES = boundaries(APP);

/** The files rendered under a boundary's provider: its folder, minus the folders of nested providers. */
function entriesOf(boundary: string): string[] {
  const nested = BOUNDARIES.filter((other) => other !== boundary && other.startsWith(`${boundary}${path.sep}`));
  // A private folder (`_name`) is no route: its modules count where a route imports them.
  return sourceFiles(boundary, nested).filter((file) => !path.relative(boundary, file).split(path.sep).some((part) => part.startsWith("_")));
}

async function listedNamespaces(boundary: string): Promise<string[]> {
  const list = (await import(path.join(boundary, "client-namespaces.ts"))) as { CLIENT_NAMESPACES: readonly string[] };
  return [...list.CLIENT_NAMESPACES].sort();
}

describe("client message namespaces", () => {
  it("the root layout and every portal area have their own list", () => {
    const relative = BOUNDARIES.map((dir) => path.relative(ROOT, dir) || ".");
    expect(relative).toEqual(expect.arrayContaining(["app/(site)", "app/(site)/enterprise", "app/(site)/verifier", "app/(site)/regulator", "app/(site)/admin"]));
  });

  it.each(BOUNDARIES.map((dir) => [path.relative(ROOT, dir), dir]))("%s lists exactly the namespaces its client components use", async (_, boundary) => {
    const listed = await listedNamespaces(boundary);
    expect(listed.filter((namespace) => !NAMESPACES.has(namespace))).toEqual([]);
    expect(listed).toEqual(requiredNamespaces(entriesOf(boundary)));
  });

  it.each(BOUNDARIES.map((dir) => [path.relative(ROOT, dir), dir]))("%s/layout.tsx wraps everything it renders in the provider with that list", (_, boundary) => {
    const layout = fs.readFileSync(path.join(boundary, "layout.tsx"), "utf8");
    expect(layout).toMatch(/import \{ CLIENT_NAMESPACES \} from "\.\/client-namespaces";/);
    // A root layout hands its list to the document it draws (components/layout/site-document.tsx).
    expect(layout).toMatch(/<(?:ClientMessages|SiteDocument)\b[^>]*\snamespaces=\{CLIENT_NAMESPACES\}/);
  });

  it("no other module renders a message provider", () => {
    const providers = [...sourceFiles(APP), ...sourceFiles(path.join(ROOT, "components"))]
      .filter((file) => fs.readFileSync(file, "utf8").includes("NextIntlClientProvider"))
      .map((file) => path.relative(ROOT, file));
    expect(providers).toEqual(["components/layout/client-messages.tsx"]);
  });
});
