// Short messages at the foot of the window: confirmations and errors.
import { errorMessage } from "./api";

export interface Notice {
  id: number;
  kind: "info" | "error";
  text: string;
}

export const notices = $state<{ list: Notice[] }>({ list: [] });
let next = 1;

export function notify(text: string, kind: Notice["kind"] = "info"): void {
  const id = next++;
  notices.list.push({ id, kind, text });
  if (kind === "info") setTimeout(() => dismiss(id), 4000);
}

/** Shows what went wrong; errors stay until dismissed. */
export function report(error: unknown): void {
  notify(errorMessage(error), "error");
}

export function dismiss(id: number): void {
  notices.list = notices.list.filter((n) => n.id !== id);
}
