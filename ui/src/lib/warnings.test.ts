import { describe, expect, it } from "vitest";
import type { Item } from "./api";
import { en, es } from "./strings";
import { describeWarning, wordBudget } from "./warnings";

const item = (position: number, shown_title: string): Item => ({
  id: `i${position}`,
  position,
  source: "linked",
  section_id: "s",
  version: 1,
  title: shown_title,
  body: "",
  shown_title,
  shown_body: "",
  shown_html: "",
  word_count: 10,
});

describe("describeWarning", () => {
  it("names the item by title and points at it", () => {
    const line = describeWarning(
      { code: "unvetted_section", item: 2, section: "s", version: 3, status: "draft" },
      [item(1, "Who we are"), item(2, "Protection first")],
      (s) => s.toUpperCase(),
    );
    expect(line).toEqual({
      key: "warning.unvetted_section",
      item: 2,
      params: { item: 2, title: "Protection first", version: 3, status: "DRAFT" },
    });
  });

  it("points nowhere for statement-wide warnings", () => {
    const line = describeWarning({ code: "over_word_limit", words: 612, limit: 500, lang: "es" }, [], (s) => s);
    expect(line.item).toBeNull();
    expect(line.params).toEqual({ words: 612, limit: 500, lang: "es" });
  });

  it("names the item in another language by its title", () => {
    const items = [item(1, "Who we are"), item(2, "Quiénes somos")];
    const line = describeWarning({ code: "item_language", item: 2, lang: "es", statement_lang: "en" }, items, (s) => s);
    expect(line.item).toBe(2);
    expect(line.params).toEqual({ item: 2, title: "Quiénes somos", lang: "es", statement: "en" });
  });
});

describe("wordBudget", () => {
  it("grades the count against the limit", () => {
    expect(wordBudget(100, null)).toBe("none");
    expect(wordBudget(400, 500)).toBe("ok");
    expect(wordBudget(460, 500)).toBe("near");
    expect(wordBudget(501, 500)).toBe("over");
  });
});

describe("strings", () => {
  it("has every English string in Spanish, with the same placeholders", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(es[key], key).toBeTruthy();
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
    }
  });
});
