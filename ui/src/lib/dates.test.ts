import { describe, expect, it } from "vitest";
import { formatDay, formatDays, formatTime, localDate, parseDay } from "./dates";

describe("localDate", () => {
  it("writes the local day, padded, and crosses months and years", () => {
    const now = new Date(2026, 0, 1, 0, 30);
    expect(localDate(0, now)).toBe("2026-01-01");
    expect(localDate(-1, now)).toBe("2025-12-31");
    expect(localDate(59, now)).toBe("2026-03-01");
  });
});

describe("formatDay", () => {
  it("writes a stored day in the interface's language, whatever the time zone", () => {
    expect(formatDay("2026-11-30", "en")).toBe("Nov 30, 2026");
    expect(formatDay("2026-11-30", "es")).toBe("30 nov 2026");
    expect(formatDay("2026-01-01", "es")).toBe("1 ene 2026");
  });
  it("shows what is not a stored day as it is, and nothing for nothing", () => {
    expect(formatDay("2025", "en")).toBe("2025");
    expect(formatDay("2026-02-30", "en")).toBe("2026-02-30");
    expect(formatDay(null, "en")).toBe("");
  });
});

describe("formatDays", () => {
  it("writes a range once, and one end alone when the other is missing", () => {
    expect(formatDays("2026-11-30", "2026-12-02", "en")).toMatch(/^Nov 30\s–\sDec 2, 2026$/);
    expect(formatDays("2026-11-30", "2026-12-02", "es")).toMatch(/^30 nov.*2 dic 2026$/);
    expect(formatDays("2026-11-30", null, "es")).toBe("30 nov 2026");
    expect(formatDays(null, null, "en")).toBe("");
  });
});

describe("formatTime", () => {
  it("writes an instant with its local time in the interface's language", () => {
    const iso = new Date(2026, 10, 30, 14, 5).toISOString();
    expect(formatTime(iso, "en")).toMatch(/^Nov 30, 2026.*2:05\sPM$/);
    expect(formatTime(iso, "es")).toMatch(/^30 nov 2026.*14:05$/);
    expect(formatTime("yesterday", "en")).toBe("yesterday");
  });
});

describe("parseDay", () => {
  it("reads ISO days and numbers in the language's own order", () => {
    expect(parseDay("2026-11-30", "es")).toBe("2026-11-30");
    expect(parseDay("30/11/2026", "es")).toBe("2026-11-30");
    expect(parseDay("11/30/2026", "en")).toBe("2026-11-30");
    expect(parseDay(" 1.2.2027 ", "es")).toBe("2027-02-01");
  });
  it("reads month names in either order, long or short", () => {
    expect(parseDay("Nov 30, 2026", "en")).toBe("2026-11-30");
    expect(parseDay("30 November 2026", "en")).toBe("2026-11-30");
    expect(parseDay("30 nov 2026", "es")).toBe("2026-11-30");
    expect(parseDay("30 de noviembre de 2026", "es")).toBe("2026-11-30");
    expect(parseDay("5 sept 2026", "es")).toBe("2026-09-05");
  });
  it("reads back what it writes", () => {
    for (const lang of ["en", "es"]) {
      for (const day of ["2026-01-01", "2026-09-05", "2027-12-31", "2028-02-29"]) {
        expect(parseDay(formatDay(day, lang), lang)).toBe(day);
      }
    }
  });
  it("refuses what is no day of the calendar", () => {
    for (const text of ["", "soon", "30/13/2026", "2026-02-30", "29 feb 2027", "30/11/26", "30 nov", "31 foo 2026", "1/2/3/4"]) {
      expect(parseDay(text, "es"), text).toBeNull();
    }
  });
});
