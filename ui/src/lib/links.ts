// Links a section may carry: web and mail addresses only. Anything else (javascript:, data:,
// file:) is refused by the editor, and the exports' sanitiser would drop it anyway.

export function safeLink(url: string): boolean {
  const trimmed = url.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return !/\s/.test(trimmed);
  // A bare address ("example.org/page") gets https:// from the editor.
  return /^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}(\/\S*)?$/i.test(trimmed);
}
