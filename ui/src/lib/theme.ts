// Light, dark, or whatever the OS says; the choice is remembered.
export type Theme = "system" | "light" | "dark";

const STORAGE_KEY = "plenary.theme";

export function savedTheme(): Theme {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === "light" || saved === "dark" ? saved : "system";
}

/** Applies `theme` to the document (CSS reads `data-theme`) and remembers it. */
export function applyTheme(theme: Theme): void {
  localStorage.setItem(STORAGE_KEY, theme);
  if (theme === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
