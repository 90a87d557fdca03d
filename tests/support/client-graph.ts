/**
 * A static reading of the import graph, to find which message namespaces the
 * client side of a part of the app translates with. A module is
 * client-facing when it is a "use client" module, a "use server" action (its
 * result messages are translated by a client form, whoever imported it), or
 * anything a client-facing module imports. Server components translate from
 * the request config and are not counted.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { PERMISSIONS } from "@/lib/policy/permissions";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const MESSAGES = path.join(ROOT, "lib/i18n/messages/en");
const EXTENSIONS = [".ts", ".tsx", ".mjs", "/index.ts", "/index.tsx"];

export const NAMESPACES: ReadonlySet<string> = new Set(
  fs
    .readdirSync(MESSAGES)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -5)),
);

const CATALOG: Record<string, unknown> = Object.fromEntries(
  [...NAMESPACES].map((namespace) => [namespace, JSON.parse(fs.readFileSync(path.join(MESSAGES, `${namespace}.json`), "utf8"))]),
);

/** Permission names share the dotted shape of message keys ("evidence.upload") but are never shown. */
const PERMISSION_NAMES: ReadonlySet<string> = new Set(Object.keys(PERMISSIONS));

/** The catalog entry at a dotted path: a message, a group of messages, or undefined. */
function catalogEntry(dotted: string): unknown {
  return dotted
    .split(".")
    .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), CATALOG);
}

/**
 * The namespace of a message key written in code: a string naming a message
 * of the catalogs (`"ns.group.key"`, optionally with `?params`), or the head
 * of a template that builds one (`` `ns.group.${…}` `` naming a group).
 */
function keyNamespace(text: string, head: boolean): string | null {
  const key = head ? text.replace(/[._]?[A-Za-z0-9]*$/, "").replace(/\.$/, "") : text.split("?")[0];
  if (!/^[a-z][A-Za-z]*\.[A-Za-z0-9_.]+$/.test(key) || PERMISSION_NAMES.has(key)) return null;
  const entry = catalogEntry(key);
  const found = head ? entry !== undefined && typeof entry === "object" : typeof entry === "string";
  return found ? key.split(".")[0] : null;
}

type Import = { file: string; names: string[] | "all" };

type ModuleFacts = {
  imports: Import[];
  directive: "use client" | "use server" | null;
  /** Only `export … from` statements: importers follow just the modules their names come from. */
  barrel: boolean;
  /** Names this module declares and exports itself. */
  ownExports: Set<string>;
  /** Namespaces of `useTranslations("ns…")` and `useMessages().ns`; "*" for `useTranslations()` without one. */
  translationNamespaces: string[];
  /** Namespaces of message keys written in the module (`"ns.key"`, `` `ns.${…}` ``). */
  messageKeyNamespaces: string[];
  /** Why the namespaces this module translates with cannot be read from its code, if they cannot. */
  unreadable: string | null;
};

const cache = new Map<string, ModuleFacts>();

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  if (/\.(ts|tsx|mjs)$/.test(base) && fs.existsSync(base)) return base;
  for (const extension of EXTENSIONS) {
    if (fs.existsSync(base + extension)) return base + extension;
  }
  return null;
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

function importedNames(node: ts.ImportDeclaration): string[] | "all" {
  const clause = node.importClause;
  if (!clause || clause.name || !clause.namedBindings || ts.isNamespaceImport(clause.namedBindings)) return "all";
  return clause.namedBindings.elements.filter((element) => !element.isTypeOnly).map((element) => (element.propertyName ?? element.name).text);
}

export function moduleFacts(file: string): ModuleFacts {
  const cached = cache.get(file);
  if (cached) return cached;
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const facts: ModuleFacts = {
    imports: [],
    directive: null,
    barrel: source.statements.length > 0,
    ownExports: new Set(),
    translationNamespaces: [],
    messageKeyNamespaces: [],
    unreadable: null,
  };
  const first = source.statements[0];
  if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression)) {
    const text = first.expression.text;
    if (text === "use client" || text === "use server") facts.directive = text;
  }
  for (const statement of source.statements) {
    if (!(ts.isExportDeclaration(statement) && statement.moduleSpecifier)) facts.barrel = false;
    if (hasExportModifier(statement)) {
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) facts.ownExports.add(declaration.name.text);
        }
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
        facts.ownExports.add(statement.name.text);
      }
    }
  }
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && !node.importClause?.isTypeOnly) {
      const resolved = resolveImport(file, node.moduleSpecifier.text);
      const names = importedNames(node);
      if (resolved && (names === "all" || names.length > 0)) facts.imports.push({ file: resolved, names });
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      const resolved = resolveImport(file, node.moduleSpecifier.text);
      if (resolved) facts.imports.push({ file: resolved, names: "all" });
    }
    if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        const resolved = resolveImport(file, node.arguments[0].text);
        if (resolved) facts.imports.push({ file: resolved, names: "all" });
      }
      if (ts.isIdentifier(node.expression) && node.expression.text === "useMessages") {
        // `useMessages().ns` reads one namespace's messages directly.
        const parent = node.parent;
        const namespace =
          ts.isPropertyAccessExpression(parent) && parent.expression === node
            ? parent.name.text
            : ts.isElementAccessExpression(parent) && parent.expression === node && ts.isStringLiteralLike(parent.argumentExpression)
              ? parent.argumentExpression.text
              : null;
        if (namespace) facts.translationNamespaces.push(namespace);
        else facts.unreadable = "read useMessages() as useMessages().namespace";
      }
      if (ts.isIdentifier(node.expression) && node.expression.text === "useTranslations") {
        const [argument] = node.arguments;
        if (!argument) facts.translationNamespaces.push("*");
        else if (ts.isStringLiteralLike(argument)) facts.translationNamespaces.push(argument.text.split(".")[0]);
        else facts.unreadable = "useTranslations needs a literal namespace";
      }
    }
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node)) {
      const namespace = keyNamespace(node.text, ts.isTemplateHead(node));
      if (namespace) facts.messageKeyNamespaces.push(namespace);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  cache.set(file, facts);
  return facts;
}

/** The modules an import reaches: through a barrel, only those its names come from. */
function importTargets(imported: Import): string[] {
  const facts = moduleFacts(imported.file);
  if (!facts.barrel || imported.names === "all") return [imported.file];
  const names = imported.names;
  return facts.imports.flatMap((reexport) => {
    const target = moduleFacts(reexport.file);
    if (target.barrel) return importTargets({ file: reexport.file, names });
    return names.some((name) => target.ownExports.has(name)) ? [reexport.file] : [];
  });
}

type ClientUsage = {
  /** Namespaces `useTranslations("ns")` of client-facing modules name. */
  translated: Set<string>;
  /** Whether a client-facing module translates arbitrary keys (`useTranslations()`, as `useMessage` does). */
  translatesAnyKey: boolean;
  /** Namespaces of the message keys client-facing modules can hand to such a translator. */
  messageKeys: Set<string>;
  clientModules: string[];
};

/** What the client side of the modules reachable from `entries` translates. */
function clientUsage(entries: readonly string[]): ClientUsage {
  const usage: ClientUsage = { translated: new Set(), translatesAnyKey: false, messageKeys: new Set(), clientModules: [] };
  const seen = new Map<string, boolean>();
  const stack = entries.map((file) => ({ file, clientFacing: false }));
  while (stack.length) {
    const { file, clientFacing: inherited } = stack.pop()!;
    const facts = moduleFacts(file);
    const clientFacing = inherited || facts.directive !== null;
    const before = seen.get(file);
    // Visit a module again only when it is first reached as client-facing.
    if (before === true || (before === false && !clientFacing)) continue;
    seen.set(file, clientFacing);
    if (clientFacing) {
      if (facts.unreadable) throw new Error(`${path.relative(ROOT, file)}: ${facts.unreadable}, so the provider lists can be checked`);
      usage.clientModules.push(path.relative(ROOT, file));
      for (const namespace of facts.translationNamespaces) {
        if (namespace === "*") usage.translatesAnyKey = true;
        else usage.translated.add(namespace);
      }
      for (const namespace of facts.messageKeyNamespaces) usage.messageKeys.add(namespace);
    }
    for (const imported of facts.imports) {
      for (const target of importTargets(imported)) stack.push({ file: target, clientFacing });
    }
  }
  return usage;
}

/** The namespaces a client provider over `entries` must hand down. */
export function requiredNamespaces(entries: readonly string[]): string[] {
  const usage = clientUsage(entries);
  const required = new Set(usage.translated);
  if (usage.translatesAnyKey) for (const namespace of usage.messageKeys) required.add(namespace);
  return [...required].sort();
}

/** Every source file under `dir`, leaving out the folders in `except`. */
export function sourceFiles(dir: string, except: readonly string[] = []): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!except.includes(full)) files.push(...sourceFiles(full, except));
    } else if (/\.(ts|tsx)$/.test(entry.name)) {
      files.push(full);
    }
  }
  return files;
}

/**
 * The project modules a "use client" module brings into the browser bundle:
 * everything it imports by value, transitively, except "use server" actions
 * (the bundle holds only a reference to those).
 */
export function browserModules(clientModule: string): string[] {
  const seen = new Set<string>();
  const stack = [clientModule];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of moduleFacts(file).imports) {
      for (const target of importTargets(imported)) {
        if (moduleFacts(target).directive !== "use server") stack.push(target);
      }
    }
  }
  return [...seen].map((file) => path.relative(ROOT, file));
}
