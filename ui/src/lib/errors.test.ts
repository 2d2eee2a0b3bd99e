import { describe, expect, it } from "vitest";
import { describeError } from "./errors";

describe("describeError", () => {
  const inUse = {
    code: "invalid",
    message: "the event is used in the statement “GFMD” (final): …",
    key: "error.inUse.event.draft",
    params: { statement: "GFMD", status: "draft" },
  };

  it("words a keyed error in the interface's language, its status too", () => {
    expect(describeError("es", inUse)).toBe(
      "El evento se usa en la declaración «GFMD» (borrador): quítelo primero de esa declaración",
    );
    expect(describeError("en", { ...inUse, key: "error.inUse.event.kept", params: { statement: "GFMD", status: "submitted" } })).toBe(
      "The event is used in the statement “GFMD” (submitted), which was final and keeps it",
    );
    expect(describeError("es", { code: "not_found", message: "no statement with id 'ab'", key: "error.notFound.statement", params: { id: "ab" } })).toBe(
      "Esa declaración ya no está en la biblioteca (ab)",
    );
  });

  it("words the library's refusals, lists included", () => {
    const cited = {
      code: "rejected",
      message: "fact 'members' is cited by GFMD 2026, HLPF; it stays …",
      key: "error.refused.factCited",
      params: { key: "members", statements: ["GFMD 2026", "HLPF"] },
    };
    expect(describeError("es", cited)).toBe(
      "El dato members se cita en GFMD 2026, HLPF; se conserva mientras lo cite una declaración final o presentada",
    );
    expect(describeError("en", { code: "rejected", message: "…", key: "error.refused.signatoryNeedsName" })).toBe(
      "A signatory needs a name",
    );
  });

  it("shows the app's own message for an error the table does not word", () => {
    expect(describeError("es", { code: "rejected", message: "a signatory needs a name" })).toBe("a signatory needs a name");
    expect(describeError("es", { code: "invalid", message: "new in a later build", key: "error.unknown" })).toBe("new in a later build");
    expect(describeError("en", new Error("broken pipe"))).toBe("broken pipe");
  });
});
