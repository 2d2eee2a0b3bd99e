// Editing a proposed split before it is saved: merging a section into the one after it, and
// splitting one where the cursor is. Pure functions over the list, so they are tested alone.
import type { ChosenSection, ProposedSection } from "./api";

/** A proposed section with what the person has decided about it. */
export type Draft = ChosenSection & { match: ProposedSection["match"] };

/** The starting choice for each proposed section: skip what the library already holds. */
export function drafts(sections: ProposedSection[]): Draft[] {
  return sections.map((section) => ({
    title: section.title,
    body: section.body,
    kind: section.kind,
    lang: section.lang,
    match: section.match,
    choice: section.match?.same ? { action: "skip" } : { action: "new" },
  }));
}

/** Merges section `index` and the next: the next one's title becomes a sub-heading, so no word
 * is lost. Nothing happens for the last section. */
export function mergeWithNext(list: Draft[], index: number): Draft[] {
  const first = list[index];
  const second = list[index + 1];
  if (!first || !second) return list;
  const body = [first.body, `### ${second.title}`, second.body].filter((part) => part.trim() !== "").join("\n\n");
  const merged: Draft = { ...first, body, match: null, choice: { action: "new" } };
  return [...list.slice(0, index), merged, ...list.slice(index + 2)];
}

/** Splits section `index` at the paragraph break at or after `caret` (an offset in its body).
 * The second part is titled by its first line when that is a `###` sub-heading, else by its first
 * words. Nothing happens when there is no paragraph break after the caret. */
export function splitAt(list: Draft[], index: number, caret: number): Draft[] {
  const section = list[index];
  if (!section) return list;
  const at = section.body.indexOf("\n\n", Math.max(0, caret));
  if (at < 0) return list;
  const head = section.body.slice(0, at).trimEnd();
  let tail = section.body.slice(at).trim();
  if (head === "" || tail === "") return list;
  let title: string;
  const heading = /^#{1,6} (.*)(\n|$)/.exec(tail);
  if (heading) {
    title = heading[1]?.trim() ?? "";
    tail = tail.slice(heading[0].length).trim();
  } else {
    title = tail.split(/\s+/).slice(0, 6).join(" ").replace(/[*_`[\]]/g, "");
  }
  const first: Draft = { ...section, body: head, match: null, choice: { action: "new" } };
  const second: Draft = { ...section, title, body: tail, match: null, choice: { action: "new" } };
  return [...list.slice(0, index), first, second, ...list.slice(index + 1)];
}

/** What the shell saves: each section without its match, but naming the library section a
 * skipped one already is (a past statement links to it). */
export function chosen(list: Draft[]): ChosenSection[] {
  return list.map(({ title, body, kind, lang, choice, match }) => ({
    title,
    body,
    kind,
    lang,
    choice,
    same_as: choice.action === "skip" && match?.same ? match.section : null,
  }));
}
