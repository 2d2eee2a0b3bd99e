// The composer's warnings as sentences, each pointing at the item it concerns.
import type { Item, Warning } from "./api";
import type { StringKey } from "./strings";

export interface WarningLine {
  key: StringKey;
  params: Record<string, string | number>;
  /** The item to go to when the warning is clicked; null for the statement as a whole. */
  item: number | null;
}

/** What to say about `warning`, naming items by their titles and writing days with `day`. */
export function describeWarning(
  warning: Warning,
  items: Item[],
  statusLabel: (s: string) => string,
  day: (iso: string) => string = (iso) => iso,
): WarningLine {
  const title = (position: number) => items.find((i) => i.position === position)?.shown_title || `#${position}`;
  const key = `warning.${warning.code}` as StringKey;
  switch (warning.code) {
    case "unvetted_section":
      return {
        key,
        item: warning.item,
        params: {
          item: warning.item,
          title: title(warning.item),
          version: warning.version,
          status: statusLabel(warning.status),
        },
      };
    case "retired_section":
      return { key, item: warning.item, params: { item: warning.item, title: title(warning.item) } };
    case "outdated_version":
      return {
        key,
        item: warning.item,
        params: { item: warning.item, title: title(warning.item), latest: warning.latest_vetted },
      };
    case "review_overdue":
      return { key, item: warning.item, params: { item: warning.item, title: title(warning.item), due: day(warning.due) } };
    case "translation_out_of_date":
      return {
        key,
        item: warning.item,
        params: { item: warning.item, title: title(warning.item), from: warning.made_from, now: warning.source_version },
      };
    case "unknown_fact":
      return { key, item: warning.item, params: { item: warning.item, key: warning.key } };
    case "stale_fact":
      return { key, item: warning.item, params: { item: warning.item, key: warning.key, as_of: day(warning.as_of) } };
    case "over_word_limit":
      return { key, item: null, params: { words: warning.words, limit: warning.limit, lang: warning.lang } };
    case "language_not_accepted":
      return { key, item: null, params: { lang: warning.lang, accepted: warning.accepted.join(", ") } };
    case "item_language":
      return {
        key,
        item: warning.item,
        params: { item: warning.item, title: title(warning.item), lang: warning.lang, statement: warning.statement_lang },
      };
    case "term_to_avoid":
      return { key, item: warning.item, params: { item: warning.item, found: warning.found, prefer: warning.prefer } };
    case "consent_missing":
    case "consent_stale":
      return { key, item: null, params: { name: warning.name } };
    case "past_deadline":
      return { key, item: null, params: { deadline: day(warning.deadline) } };
  }
}

/** How full the statement is against its limit: "ok", "near" (over 90 %) or "over". */
export function wordBudget(words: number, limit: number | null): "none" | "ok" | "near" | "over" {
  if (limit === null) return "none";
  if (words > limit) return "over";
  return words > limit * 0.9 ? "near" : "ok";
}
