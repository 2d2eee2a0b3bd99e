// Which rows of a long list to draw: only those in view plus a margin, so a list of 10,000
// sections costs the same as one of 30.

export interface VisibleRange {
  /** First row to draw. */
  start: number;
  /** One past the last row to draw. */
  end: number;
  /** Space above the first drawn row, in pixels. */
  offset: number;
  /** Height of the whole list, in pixels. */
  total: number;
}

/** The rows to draw for a list of `count` rows of `rowHeight` pixels, scrolled to `scrollTop`
 * in a viewport `viewport` pixels high, with `overscan` extra rows on each side. */
export function visibleRange(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewport: number,
  overscan = 6,
): VisibleRange {
  const total = count * rowHeight;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, total };
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, total - viewport)));
  const first = Math.floor(top / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, Math.ceil((top + viewport) / rowHeight) + overscan);
  return { start, end, offset: start * rowHeight, total };
}

/** The scroll position that brings row `index` into view, or null if it already is. */
export function scrollToReveal(index: number, rowHeight: number, scrollTop: number, viewport: number): number | null {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return null;
}
