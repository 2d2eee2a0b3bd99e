// The interface language, as reactive state: follows the OS by default, remembers a choice.
import { languageFor, translate, type StringKey, type UiLanguage } from "./strings";

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

/** The current language's string for `key`. Reactive inside components. */
export function t(key: StringKey, params: Record<string, string | number> = {}): string {
  return translate(ui.lang, key, params);
}
