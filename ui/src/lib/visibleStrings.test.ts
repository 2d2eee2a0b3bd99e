// Every word a person reads in the window comes from the string tables (strings.ts), so the
// Spanish interface is complete: a literal word in a component's markup, or in an attribute a
// person reads or hears (placeholder, title, aria-label, alt), fails here.
/// <reference types="vite/client" />
import { parse } from "svelte/compiler";
import { describe, expect, it } from "vitest";

// Every component's source, read by Vite as text.
const SOURCES = import.meta.glob<string>(["../App.svelte", "../components/*.svelte"], {
  query: "?raw",
  import: "default",
  eager: true,
});
const READ_ATTRIBUTES = new Set(["placeholder", "title", "aria-label", "alt", "label", "aria-description"]);
// Words that are the same in every language: the product's name, each language's own name, a
// version's "v", units, language codes and the address scheme shown as an example.
const ALLOWED = new Set(["Plenary", "English", "Español", "v", "KB", "MB", "px", "en", "es", "https"]);
// Keyboard shortcuts, and identifiers shown as examples of a format (fact keys, tags).
const NOT_WORDS = [/(Ctrl|Cmd|Alt|Shift)(\+[\p{L}\d↑↓←→]+)+/gu, /[\p{L}\d]+(?:[_-][\p{L}\d]+)+/gu];

interface Node {
  type: string;
  data?: string;
  name?: string;
  start: number;
  value?: true | Node | Node[];
  attributes?: Node[];
  [key: string]: unknown;
}

function words(text: string): boolean {
  const rest = NOT_WORDS.reduce((left, pattern) => left.replace(pattern, " "), text);
  return (rest.match(/\p{L}[\p{L}\p{M}]*/gu) ?? []).some((word) => !ALLOWED.has(word));
}

/** Literal words in `fragment`'s markup and read attributes: [where, text]. */
function literals(source: string, file: string): string[] {
  const ast = parse(source, { modern: true }) as unknown as { fragment: Node };
  const found: string[] = [];
  const line = (offset: number) => source.slice(0, offset).split("\n").length;
  const visit = (node: unknown, parentName: string | undefined) => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, parentName));
    if (typeof node !== "object" || node === null) return;
    const n = node as Node;
    if (n.type === "Text" && parentName !== "style" && parentName !== "script" && words(n.data ?? "")) {
      found.push(`${file}:${line(n.start)}: ${(n.data ?? "").trim()}`);
    }
    if (n.type === "Attribute" && READ_ATTRIBUTES.has(n.name ?? "") && Array.isArray(n.value)) {
      for (const part of n.value) {
        if (part.type === "Text" && words(part.data ?? "")) found.push(`${file}:${line(part.start)}: ${n.name}="${part.data}"`);
      }
      return;
    }
    if (n.type === "Attribute" || n.type === "ExpressionTag" || String(n.type).endsWith("Directive")) return;
    const name = n.type === "RegularElement" || n.type === "SvelteElement" ? n.name : parentName;
    for (const [key, value] of Object.entries(n)) {
      if (key !== "type" && key !== "start" && key !== "end") visit(value, name);
    }
  };
  visit(ast.fragment, undefined);
  return found;
}

describe("the window's visible text", () => {
  it("finds literal words where they are (the check can fail)", () => {
    const sample = `<p>Hello {name}</p><input placeholder="e.g. ICFP" /><span title={t("x")}>·</span><b>v{n}</b>`;
    expect(literals(sample, "sample")).toEqual(["sample:1: Hello", 'sample:1: placeholder="e.g. ICFP"']);
  });

  it("comes from the string tables in every component", () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(20);
    const found = Object.entries(SOURCES).flatMap(([file, source]) => literals(source, file));
    expect(found).toEqual([]);
  });
});
