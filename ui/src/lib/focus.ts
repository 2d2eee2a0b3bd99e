// Where the keyboard's focus goes when what held it goes away. A removed row takes its Delete
// button with it, and WebKit then drops the focus on the page: the next Tab starts from the top.

import { tick } from "svelte";

/** The index of the row that takes the focus after row `index` of `count` rows went: the one now
 * in its place, else the new last one; `null` when none are left. */
export function rowAfterRemoval(count: number, index: number): number | null {
  return count === 0 ? null : Math.min(Math.max(index, 0), count - 1);
}

/** After row `index` of `list` is removed and the list redrawn, focuses the first control of the
 * row now in its place (or the last row), else `fallback`. */
export async function focusAfterRemoval(
  list: HTMLElement | null | undefined,
  index: number,
  fallback?: HTMLElement | null,
): Promise<void> {
  await tick();
  const rows = list?.isConnected ? Array.from(list.children) : [];
  const at = rowAfterRemoval(rows.length, index);
  const control = at === null ? null : rows[at]?.querySelector<HTMLElement>("button, a[href], input, select, textarea");
  (control ?? fallback)?.focus();
}
