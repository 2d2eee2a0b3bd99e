// Short messages at the foot of the window: confirmations and errors.
import { errorText, t } from "./i18n.svelte";

export interface Notice {
  id: number;
  kind: "info" | "error";
  text: string;
  /** A button beside the text (Undo), which also dismisses the notice. */
  action?: { label: string; run: () => void | Promise<void> };
}

export const notices = $state<{ list: Notice[] }>({ list: [] });
let next = 1;

/** How long a confirmation stays; one with an action (Undo) stays longer, to be reached. */
export const INFO_MS = 4000;
export const ACTION_MS = 12000;

export function notify(text: string, kind: Notice["kind"] = "info", action?: Notice["action"]): void {
  const id = next++;
  notices.list.push(action ? { id, kind, text, action } : { id, kind, text });
  if (kind === "info") setTimeout(() => dismiss(id), action ? ACTION_MS : INFO_MS);
}

/** Confirms a change that `undo` takes back, with an Undo button beside the text. */
export function offerUndo(text: string, undo: () => void | Promise<void>): void {
  notify(text, "info", { label: t("app.undo"), run: undo });
}

/** Runs a notice's action once and takes the notice away; an error is reported. */
export async function act(notice: Notice): Promise<void> {
  dismiss(notice.id);
  try {
    await notice.action?.run();
  } catch (error) {
    report(error);
  }
}

/** Shows what went wrong; errors stay until dismissed. */
export function report(error: unknown): void {
  notify(errorText(error), "error");
}

export function dismiss(id: number): void {
  notices.list = notices.list.filter((n) => n.id !== id);
}
