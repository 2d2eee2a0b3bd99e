// Errors from the app in the interface's language: the ones a person meets in ordinary work
// come with a string-table key and its values; the rest show the English the app sent.
import { errorMessage, isAppError } from "./api";
import { en, translate, type StringKey, type UiLanguage } from "./strings";

/** What went wrong, worded in `lang` where the table has the error (and the status it names). */
export function describeError(lang: UiLanguage, error: unknown): string {
  if (isAppError(error) && error.key && error.key in en) {
    // Lists (the kinds a library has, the statements citing a fact) read as one phrase.
    const params = Object.fromEntries(
      Object.entries(error.params ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]),
    );
    if (typeof params.status === "string" && `status.${params.status}` in en) {
      params.status = translate(lang, `status.${params.status}` as StringKey).toLowerCase();
    }
    return translate(lang, error.key as StringKey, params);
  }
  return errorMessage(error);
}
