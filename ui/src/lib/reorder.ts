// Reordering a statement's items by keyboard and by drag and drop, as 1-based positions the
// store's `move_statement_item` takes.

/** The move Alt+↑ / Alt+↓ asks for, or null at the ends or for other keys. */
export function keyboardMove(
  key: string,
  altKey: boolean,
  position: number,
  count: number,
): { from: number; to: number } | null {
  if (!altKey) return null;
  if (key === "ArrowUp" && position > 1) return { from: position, to: position - 1 };
  if (key === "ArrowDown" && position < count) return { from: position, to: position + 1 };
  return null;
}

/** The target position when the item at `from` is dropped on the gap before item `before`
 * (or after the last item, when `before` is `count + 1`). Null when nothing would change. */
export function dropMove(from: number, before: number, count: number): { from: number; to: number } | null {
  const gap = Math.min(Math.max(before, 1), count + 1);
  const to = gap > from ? gap - 1 : gap;
  return to === from ? null : { from, to };
}
