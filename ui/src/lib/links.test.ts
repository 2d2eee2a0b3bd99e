import { describe, expect, it } from "vitest";
import { safeLink } from "./links";

describe("safeLink", () => {
  it("accepts web and mail addresses", () => {
    expect(safeLink("https://gfmd.org/2027")).toBe(true);
    expect(safeLink("mailto:info@example.org")).toBe(true);
    expect(safeLink("example.org/page")).toBe(true);
  });

  it("refuses script and local addresses", () => {
    expect(safeLink("javascript:alert(1)")).toBe(false);
    expect(safeLink("JaVaScRiPt:alert(1)")).toBe(false);
    expect(safeLink("data:text/html,<script>alert(1)</script>")).toBe(false);
    expect(safeLink("file:///etc/passwd")).toBe(false);
    expect(safeLink("https://x.org/a b")).toBe(false);
  });
});
