import path from "node:path";
import { describe, expect, it } from "vitest";
import { browserModules, moduleFacts, ROOT, sourceFiles } from "../../support/client-graph";

/**
 * The lint rule forbids a "use client" module to import server code itself;
 * this follows its imports all the way down, so a shared module that pulls in
 * the table definitions (zod enums built from `@/db/schema`, say) is caught too.
 */
const SERVER_CODE = /^(db\/|lib\/(dal|domain|auth|audit|notifications|storage|seed|http)\/|lib\/startup\.ts$)/;

const clientModules = ["app", "components", "lib"]
  .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
  .filter((file) => moduleFacts(file).directive === "use client");

describe("the browser bundle", () => {
  it("has client modules to check", () => {
    expect(clientModules.length).toBeGreaterThan(30);
  });

  it.each(clientModules.map((file) => [path.relative(ROOT, file), file]))("%s brings no server module into the browser", (_, file) => {
    expect(browserModules(file).filter((module) => SERVER_CODE.test(module))).toEqual([]);
  });
});
