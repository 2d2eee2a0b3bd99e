import { describe, expect, it } from "vitest";
import type { ProposedSection } from "./api";
import { chosen, drafts, mergeWithNext, splitAt } from "./importEdit";

const proposed = (title: string, body: string, same = false): ProposedSection => ({
  title,
  title_from_source: true,
  body,
  kind: "other",
  lang: "en",
  match: same ? { section: "s1", title, similarity: 1, same: true } : null,
});

describe("editing a proposed split", () => {
  it("skips what the library already holds and saves the rest as new", () => {
    const list = drafts([proposed("Who we are", "A."), proposed("What we do", "B.", true)]);
    expect(list.map((d) => d.choice.action)).toEqual(["new", "skip"]);
  });

  it("merges a section with the next, keeping the next title as a sub-heading", () => {
    const list = drafts([proposed("One", "First."), proposed("Two", "Second."), proposed("Three", "Third.")]);
    const merged = mergeWithNext(list, 0);
    expect(merged.map((d) => d.title)).toEqual(["One", "Three"]);
    expect(merged[0]?.body).toBe("First.\n\n### Two\n\nSecond.");
    expect(mergeWithNext(merged, 1)).toBe(merged);
  });

  it("splits at the paragraph break after the cursor, titled by a sub-heading or the first words", () => {
    const list = drafts([proposed("One", "First para.\n\n### Two\n\nSecond para.")]);
    const split = splitAt(list, 0, 3);
    expect(split.map((d) => [d.title, d.body])).toEqual([
      ["One", "First para."],
      ["Two", "Second para."],
    ]);
    const plain = splitAt(drafts([proposed("One", "A.\n\nWe call on **all** states to act now today.")]), 0, 0);
    expect(plain[1]?.title).toBe("We call on all states to");
    expect(splitAt(list, 0, 1000)).toBe(list);
  });

  it("sends the shell each section's choice without its match, naming the section a skipped one already is", () => {
    const sent = chosen(drafts([proposed("One", "A.", true), proposed("Two", "B.")]));
    expect(sent).toEqual([
      { title: "One", body: "A.", kind: "other", lang: "en", choice: { action: "skip" }, same_as: "s1" },
      { title: "Two", body: "B.", kind: "other", lang: "en", choice: { action: "new" }, same_as: null },
    ]);
    // Saved anyway as new, it is no longer "the same as" the library's.
    const list = drafts([proposed("One", "A.", true)]);
    list[0]!.choice = { action: "new" };
    expect(chosen(list)[0]?.same_as).toBeNull();
  });
});
