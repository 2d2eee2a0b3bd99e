// Calendar days as the library stores them (YYYY-MM-DD), in the user's own time zone, and as
// people read and type them in the interface's language.

/** The local day `offset` days from `now` (today by default), as YYYY-MM-DD. */
export function localDate(offset = 0, now: Date = new Date()): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
  return isoDay(day.getFullYear(), day.getMonth() + 1, day.getDate());
}

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The stored day as a UTC midnight, so no time zone moves it to the day before. */
function dayInstant(day: string): Date | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const instant = new Date(Date.UTC(year, month - 1, date));
  // 2026-02-30 is no day: Date would roll it into March.
  return instant.getUTCMonth() === month - 1 && instant.getUTCDate() === date ? instant : null;
}

function dayFormat(lang: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
}

/** A stored day as people write it in `lang` ("Nov 30, 2026", "30 nov 2026"); anything that
 * is not a stored day (a partial "as of 2025", say) is shown as it is. */
export function formatDay(day: string | null | undefined, lang: string): string {
  if (!day) return "";
  const instant = dayInstant(day);
  return instant ? dayFormat(lang).format(instant) : day;
}

/** Two stored days as one range in `lang` ("Nov 30 – Dec 2, 2026"); either may be missing. */
export function formatDays(start: string | null | undefined, end: string | null | undefined, lang: string): string {
  const [from, to] = [start ? dayInstant(start) : null, end ? dayInstant(end) : null];
  if (from && to && from <= to) return dayFormat(lang).formatRange(from, to);
  return [formatDay(start, lang), formatDay(end, lang)].filter(Boolean).join(" – ");
}

/** A stored instant (ISO 8601 with its offset) as a local date and time in `lang`. */
export function formatTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return "";
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(instant);
}

/** Month names (long and short, without dots) of `lang`, lower-cased, mapped to 1–12. */
function monthNames(lang: string): Map<string, number> {
  const names = new Map<string, number>();
  for (const month of ["long", "short"] as const) {
    const format = new Intl.DateTimeFormat(lang, { month, timeZone: "UTC" });
    for (let m = 1; m <= 12; m++) {
      names.set(format.format(new Date(Date.UTC(2026, m - 1, 1))).toLocaleLowerCase(lang).replace(/\.$/, ""), m);
    }
  }
  return names;
}

/** Whether `lang` writes numeric dates month first (as US English does). */
function monthFirst(lang: string): boolean {
  const parts = new Intl.DateTimeFormat(lang, { timeZone: "UTC" }).formatToParts(new Date(Date.UTC(2026, 10, 30)));
  return parts.findIndex((p) => p.type === "month") < parts.findIndex((p) => p.type === "day");
}

/** What a person typed into a date field, as a stored day: ISO (2026-11-30), numbers in the
 * language's order (30/11/2026 in Spanish, 11/30/2026 in English) or with the month's name in
 * either order ("30 nov 2026", "Nov 30, 2026", "30 de noviembre de 2026"). `null` when it is no
 * day of the calendar. */
export function parseDay(text: string, lang: string): string | null {
  const typed = text.trim().toLocaleLowerCase(lang);
  if (ISO_DAY.test(typed)) return dayInstant(typed) ? typed : null;
  const words = typed.split(/[\s,./-]+/).filter((w) => w !== "" && w !== "de" && w !== "of");
  if (words.length !== 3) return null;
  const [a, b, c] = words as [string, string, string];
  const names = monthNames(lang);
  const monthOf = (word: string) => names.get(word.replace(/\.$/, ""));
  const numeric = (word: string) => /^\d+$/.test(word);
  let year: number, month: number, day: number;
  const [first, second] = [monthOf(a), monthOf(b)];
  if (first !== undefined && numeric(b) && numeric(c)) [year, month, day] = [Number(c), first, Number(b)];
  else if (second !== undefined && numeric(a) && numeric(c))
    [year, month, day] = a.length === 4 ? [Number(a), second, Number(c)] : [Number(c), second, Number(a)];
  else if (numeric(a) && numeric(b) && numeric(c)) {
    const [x, y, z] = [Number(a), Number(b), Number(c)];
    if (a.length === 4) [year, month, day] = [x, y, z];
    else if (monthFirst(lang)) [year, month, day] = [z, x, y];
    else [year, month, day] = [z, y, x];
  } else return null;
  if (year < 1000 || year > 9999) return null;
  const candidate = isoDay(year, month, day);
  return dayInstant(candidate) ? candidate : null;
}
