// Light, dark, or whatever the OS says; the choice is remembered. The document always carries the
// resolved theme in `data-theme`, so the CSS has one dark palette.
export type Theme = "system" | "light" | "dark";

const STORAGE_KEY = "plenary.theme";
let following: { query: MediaQueryList; apply: () => void } | null = null;

export function savedTheme(): Theme {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === "light" || saved === "dark" ? saved : "system";
}

/** The theme to draw: the choice, or the OS setting for "system". */
export function resolveTheme(theme: Theme, osPrefersDark: boolean): "light" | "dark" {
  if (theme === "system") return osPrefersDark ? "dark" : "light";
  return theme;
}

/** Applies `theme` to the document and remembers it; "system" follows later OS changes too. */
export function applyTheme(theme: Theme): void {
  const systemDark = window.matchMedia("(prefers-color-scheme: dark)");
  localStorage.setItem(STORAGE_KEY, theme);
  following?.query.removeEventListener("change", following.apply);
  following = null;
  const apply = () => {
    document.documentElement.dataset.theme = resolveTheme(theme, systemDark.matches);
  };
  apply();
  if (theme === "system") {
    following = { query: systemDark, apply };
    systemDark.addEventListener("change", apply);
  }
}
