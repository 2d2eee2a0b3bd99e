// Calendar days as the library stores them (YYYY-MM-DD), in the user's own time zone.

/** The local day `offset` days from `now` (today by default), as YYYY-MM-DD. */
export function localDate(offset = 0, now: Date = new Date()): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}-${String(day.getDate()).padStart(2, "0")}`;
}
