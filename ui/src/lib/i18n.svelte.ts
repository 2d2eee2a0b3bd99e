// The interface language, as reactive state: follows the OS by default, remembers a choice.
import { describeError } from "./errors";
import { en, languageFor, translate, type StringKey, type UiLanguage } from "./strings";

const STORAGE_KEY = "plenary.language";

function initial(): UiLanguage {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === "en" || saved === "es") return saved;
  return languageFor(navigator.languages ?? [navigator.language]);
}

export const ui = $state({ lang: initial() });

/** Switches the interface (and remembers the choice). */
export function setLanguage(lang: UiLanguage): void {
  ui.lang = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

/** A section kind's name: the built-in ones in the interface's language, a library's own as typed. */
export function kindLabel(kind: string): string {
  const key = `kind.${kind}`;
  return key in en ? t(key as StringKey) : kind;
}

/** The current language's string for `key`. Reactive inside components. */
export function t(key: StringKey, params: Record<string, string | number> = {}): string {
  return translate(ui.lang, key, params);
}

/** What went wrong, in the interface's language where the table words it. */
export function errorText(error: unknown): string {
  return describeError(ui.lang, error);
}
