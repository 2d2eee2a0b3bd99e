// Menu items and shortcuts, routed to whichever screen is showing. The native menu sends its
// item id as a `menu` event; screens register what they do for the ids they handle.

export type MenuId =
  | "new_section"
  | "new_statement"
  | "export"
  | "copy_statement"
  | "undo"
  | "redo"
  | "find"
  | "view_library"
  | "view_statements"
  | "view_events"
  | "view_facts"
  | "view_terms"
  | "view_organisation"
  | "view_backups"
  | "view_import"
  | "view_share"
  // macOS's application menu: Settings… (⌘,) opens the organisation profile.
  | "settings";

/** Returns `false` when it did not handle the item (an editor without the focus, say). */
type Handler = () => boolean | void;
const handlers = new Map<MenuId, Handler[]>();

/** Registers `handler` for `id` while a screen is shown; returns the function that removes it. */
export function onMenu(id: MenuId, handler: Handler): () => void {
  const list = handlers.get(id) ?? [];
  list.push(handler);
  handlers.set(id, list);
  return () => {
    const current = handlers.get(id) ?? [];
    handlers.set(
      id,
      current.filter((h) => h !== handler),
    );
  };
}

/** Offers `id` to its handlers, newest first, until one handles it; false if none did. */
export function runMenu(id: string): boolean {
  const list = handlers.get(id as MenuId) ?? [];
  for (let i = list.length - 1; i >= 0; i -= 1) {
    if (list[i]?.() !== false) return true;
  }
  return false;
}
