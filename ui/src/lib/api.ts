// Typed calls to the app's Rust commands (src-tauri/src/commands). Every call either returns
// its value or throws an `AppError` carrying the `{code, message}` the shell sends.
import { invoke } from "@tauri-apps/api/core";

export type SectionStatus = "draft" | "in_review" | "vetted" | "retired";
export type StatementStatus = "draft" | "final" | "submitted";
export type ExportFormat = "pdf" | "html" | "docx" | "txt" | "md";

export interface AppError {
  code: "invalid" | "not_found" | "rejected" | "library" | "template" | "file" | "window";
  /** In English; shown when the window has no wording of its own for the error. */
  message: string;
  /** The string-table key the window words the error with, and the values it names. */
  key?: string;
  params?: Record<string, string | number | string[]>;
}

export function isAppError(value: unknown): value is AppError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

/** A message for any thrown value, for the error banner. */
export function errorMessage(error: unknown): string {
  if (isAppError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

export interface LibraryInfo {
  path: string;
  kinds: string[];
  languages: string[];
  tags: string[];
  templates: string[];
  author: string;
  today: string;
}

export interface Filter {
  /** `null` for any, as for the others. */
  kind: string | null;
  tag: string | null;
  status: SectionStatus | null;
  lang: string | null;
  /** YYYY-MM-DD, or "" while the date field is empty. */
  review_due_by: string;
}

export const emptyFilter = (): Filter => ({ kind: null, tag: null, status: null, lang: null, review_due_by: "" });

/** Whether `filter` lets every section through. */
export const isEmptyFilter = (filter: Filter): boolean =>
  filter.kind === null && filter.tag === null && filter.status === null && filter.lang === null && filter.review_due_by === "";

export interface SectionRow {
  id: string;
  title: string;
  kind: string;
  lang: string;
  status: SectionStatus;
  tags: string[];
  review_due: string | null;
  current_version: number;
  has_draft: boolean;
  translation_out_of_date: boolean;
  updated_at: string;
}

export interface Hit {
  id: string;
  title: string;
  kind: string;
  lang: string;
  status: SectionStatus;
  /** HTML-escaped; the only markup is `<mark>`. */
  snippet: string;
}

export interface SectionDetail {
  id: string;
  title: string;
  body: string;
  kind: string;
  tags: string[];
  lang: string;
  status: SectionStatus;
  owner: string | null;
  review_due: string | null;
  current_version: number;
  vetted_version: number | null;
  /** While the section is diverged (changed here and in a colleague's library), the other branch's newest version. */
  diverged_with: number | null;
  created_at: string;
  updated_at: string;
  draft: { title: string; body: string; base_version: number; saved_at: string } | null;
  used_in: { statement_id: string; title: string; status: string; position: number; version: number }[];
  translations: { id: string; lang: string; title: string; out_of_date: boolean }[];
  translation_of: TranslationOf | null;
  term_matches: TermMatch[];
  /** When the section last went out (an export, else a submitted statement), and where. */
  last_used: { statement_id: string; title: string; on: string; exported: boolean } | null;
  review_overdue: boolean;
}

/** The section a translation was made from; `then`/`now` hold its text while it has moved on. */
export interface TranslationOf {
  id: string;
  lang: string;
  title: string;
  made_from_version: number;
  source_version: number;
  out_of_date: boolean;
  then: string | null;
  now: string | null;
}

export interface Version {
  number: number;
  title: string;
  body: string;
  author: string;
  created_at: string;
  note: string | null;
  /** `via`: where the record came from when it arrived from another library. */
  vetted: { by: string; at: string; via: string | null } | null;
  /** The older version whose text this one brought back, when it was made by restoring. */
  restored_from: number | null;
}

/** What sharing wrote. */
export interface SharedBundle {
  file: string;
  sections: number;
  versions: number;
}

/** Something a bundle import could not decide alone. */
export type MergeConflict =
  | { what: "section"; id: string; title: string; ours: number; theirs: number; newly: boolean }
  | { what: "fact"; key: string; lang?: string; ours: string; theirs: string }
  | { what: "organisation"; ours: string; theirs: string };

/** What merging a colleague's bundle did. */
export interface MergeResult {
  file: string;
  organisation: string;
  created_at: string;
  added: number;
  updated: number;
  unchanged: number;
  facts_added: number;
  kinds_added: string[];
  organisation_added: boolean;
  conflicts: MergeConflict[];
}

export interface Fact {
  key: string;
  value: string;
  /** Its value in single languages: language → text. */
  values?: Record<string, string>;
  as_of: string | null;
  source: string | null;
  updated_at: string;
  /** Its figure was true more than a year ago. */
  stale: boolean;
}

/** A termbase entry: wording to avoid in one language, and what to write instead. */
export interface Term {
  id: string;
  lang: string;
  term: string;
  prefer: string;
  note: string | null;
}

/** A termbase entry found in a text. */
export interface TermMatch {
  id: string;
  term: string;
  found: string;
  prefer: string;
  note: string | null;
}

export interface EventRecord {
  id: string;
  name: string;
  short_name: string | null;
  edition: string | null;
  city: string | null;
  country: string | null;
  organiser: string | null;
  starts: string | null;
  ends: string | null;
  deadline: string | null;
  word_limit: number | null;
  /** Limits of single languages: language → words. */
  word_limits: Record<string, number>;
  languages: string[];
  /** How menus name it: its short name (or name) and edition, without repeating the edition. */
  label: string;
}

export interface EventInput {
  name: string;
  short_name: string;
  edition: string;
  city: string;
  country: string;
  organiser: string;
  starts: string;
  ends: string;
  deadline: string;
  word_limit: number | null;
  /** Limits of single languages as typed: "es=900, fr=850". */
  word_limits: string;
  languages: string[];
}

export interface Organisation {
  name: string;
  short_name: string | null;
  address: string | null;
  website: string | null;
  logo_data_uri: string | null;
}

export interface StatementRow {
  id: string;
  title: string;
  event: string | null;
  lang: string;
  status: StatementStatus;
  items: number;
  updated_at: string;
}

export interface Item {
  id: string;
  position: number;
  source: "linked" | "text";
  section_id: string | null;
  version: number | null;
  title: string;
  body: string;
  shown_title: string;
  shown_body: string;
  /** The body as exports show it, sanitised by the renderer's allow-list. */
  shown_html: string;
  word_count: number;
}

export type Warning =
  | { code: "unvetted_section"; item: number; section: string; version: number; status: SectionStatus }
  | { code: "retired_section"; item: number; section: string }
  | { code: "outdated_version"; item: number; section: string; pinned: number; latest_vetted: number }
  | { code: "review_overdue"; item: number; section: string; due: string }
  | { code: "translation_out_of_date"; item: number; section: string; source: string; made_from: number; source_version: number }
  | { code: "unknown_fact"; item: number; key: string }
  | { code: "stale_fact"; item: number; key: string; as_of: string }
  | { code: "over_word_limit"; words: number; limit: number; lang: string }
  | { code: "language_not_accepted"; lang: string; accepted: string[] }
  | { code: "item_language"; item: number; lang: string; statement_lang: string }
  | { code: "term_to_avoid"; item: number; term: string; found: string; prefer: string }
  | { code: "consent_missing"; name: string }
  | { code: "consent_stale"; name: string }
  | { code: "past_deadline"; deadline: string };

export interface StatementDetail {
  id: string;
  title: string;
  event: EventRecord | null;
  lang: string;
  date: string | null;
  template: string;
  status: StatementStatus;
  signatories: Signer[];
  items: Item[];
  word_count: number;
  word_count_by_lang: Record<string, number>;
  word_limit: number | null;
  /** Words in the statement's own language, counted against `word_limit`. */
  words_in_lang: number;
  warnings: Warning[];
  /** The day a final statement was frozen. */
  frozen_on: string | null;
  status_changes: StatusChange[];
  /** The HTML export as it stands (shown in the preview), or why the template could not render it. */
  preview: { html: string } | { error: AppError };
}

/** Someone asked to sign, their answer and where they stand against the text now. */
export interface Signer {
  name: string;
  role: string | null;
  consent:
    | { state: "invited" }
    | { state: "agreed"; by: string | null; at: string | null }
    | { state: "declined"; at: string; note: string | null };
  /** `stale`: agreed to an earlier text. Only `agreed` signers are printed. */
  standing: "invited" | "agreed" | "stale" | "declined";
}

/** One recorded change of a statement's status. */
export interface StatusChange {
  at: string;
  from: StatementStatus;
  to: StatementStatus;
  note: string | null;
}

export interface ExportOutcome {
  /** For a parallel export, the items whose second column is empty (no translation). */
  untranslated: number[];
  id: string;
  file: string;
  format: ExportFormat;
  template: string;
  sha256: string;
  bytes: number;
  word_count: number;
}

export interface ExportRow {
  id: string;
  format: string;
  template: string;
  file: string;
  exported_at: string;
  bytes: number;
  word_count: number;
}

/** What an export contained: the section versions (with the title each had) and fact values. */
export interface ExportDetails {
  sha256: string;
  bytes: number;
  versions: { section: string; version: number; title: string | null }[];
  facts: Record<string, string>;
}

/** The built-in templates written out for editing. */
export interface TemplatesWritten {
  folder: string;
  files: number;
  /** Where edited templates take effect. */
  templates_folder: string | null;
}

/** One thing the integrity check found wrong (`check.problem.<case>` words it). */
export type CheckProblem =
  | { case: "storage"; params: { detail: string } }
  | { case: "missingReference"; params: { table: string; row: number; missing: string } }
  | { case: "searchIndex"; params: { by: number } };

/** What the integrity check found: no problems means no damage. */
export interface CheckReport {
  problems: CheckProblem[];
  sections: number;
  statements: number;
}

export interface LibraryStatus {
  path: string;
  /** Why the library could not be opened (damage); null when it is open. */
  problem: string | null;
}

export interface BackupRow {
  name: string;
  /** Why it was made; `detail` names the change (`import`…) or the format upgraded from. */
  kind: "manual" | "daily" | "before" | "before_upgrade" | "damaged";
  detail: string | null;
  restorable: boolean;
  taken: string;
  bytes: number;
}

export interface Restored {
  from: string;
  previous: string | null;
}

export interface ImportMatch {
  section: string;
  title: string;
  similarity: number;
  same: boolean;
}

export interface ProposedSection {
  title: string;
  title_from_source: boolean;
  body: string;
  kind: string;
  lang: string;
  match: ImportMatch | null;
}

export interface ImportOrigin {
  file_name: string;
  sha256: string;
}

export interface ImportView {
  origin: ImportOrigin;
  source_text: string;
  title: string | null;
  sections: ProposedSection[];
}

export type ImportChoice = { action: "new" } | { action: "new_version_of"; section: string } | { action: "skip" };

export interface ChosenSection {
  title: string;
  body: string;
  kind: string;
  lang: string;
  choice: ImportChoice;
  /** The library section it already is, when skipped for that reason. */
  same_as?: string | null;
}

/** Keep the imported document as a past (submitted) statement. */
export interface PastStatementInput {
  title: string;
  /** An event id; `null` for none. */
  event: string | null;
  /** YYYY-MM-DD, or "". */
  date: string;
  lang: string;
}

export const api = {
  libraryStatus: () => invoke<LibraryStatus>("library_status"),
  listBackups: () => invoke<BackupRow[]>("list_library_backups"),
  backUpNow: () => invoke<BackupRow>("back_up_now"),
  restoreBackup: (name: string | null) => invoke<Restored>("restore_library_backup", { name }),
  libraryInfo: () => invoke<LibraryInfo>("library_info"),
  /** Adds a kind sections can be given; returns every kind, in order. */
  addKind: (name: string) => invoke<string[]>("add_kind", { name }),
  listSections: (filter: Filter) => invoke<SectionRow[]>("list_sections", { filter }),
  searchSections: (text: string, filter: Filter, limit = 60) =>
    invoke<Hit[]>("search_sections", { text, filter, limit }),
  openSection: (id: string) => invoke<SectionDetail>("open_section", { id }),
  linkTranslation: (source: string, translation: string) => invoke<void>("link_translation", { source, translation }),
  unlinkTranslation: (id: string) => invoke<void>("unlink_translation", { id }),
  /** Undoes unlinking section `id` in this session: its group and links back as they were. */
  relinkTranslation: (id: string) => invoke<void>("relink_translation", { id }),
  markTranslationUpdated: (id: string) => invoke<number>("mark_translation_updated", { id }),
  createSection: (section: { title: string; body: string; kind: string; lang: string; tags: string[] }) =>
    invoke<string>("create_section", { section }),
  saveDraft: (id: string, title: string, body: string) => invoke<void>("save_section_draft", { id, title, body }),
  commitDraft: (id: string, note: string) => invoke<number | null>("commit_section_draft", { id, note }),
  discardDraft: (id: string) => invoke<void>("discard_section_draft", { id }),
  updateSectionDetails: (
    id: string,
    details: { kind: string; lang: string; tags: string[]; owner: string; review_due: string },
  ) => invoke<void>("update_section_details", { id, details }),
  history: (id: string) => invoke<Version[]>("section_history", { id }),
  restoreVersion: (id: string, number: number) => invoke<number>("restore_section_version", { id, number }),
  /** `by` names who vetted it (the person at the keyboard when omitted). */
  setSectionStatus: (id: string, status: SectionStatus, by?: string) =>
    invoke<void>("set_section_status", { id, status, by: by ?? null }),
  deleteSection: (id: string) => invoke<void>("delete_section", { id }),
  undeleteSection: (id: string) => invoke<void>("undelete_section", { id }),
  listFacts: () => invoke<Fact[]>("list_facts"),
  /** Sets a fact's value; with `lang`, its value for text in that language only. */
  setFact: (key: string, value: string, as_of: string, source: string, lang: string | null = null) =>
    invoke<void>("set_fact", { key, value, as_of, source, lang }),
  /** Deletes a fact no final statement cites (resolves to the drafts that cite it); with
   * `lang`, only its value in that language. */
  deleteFact: (key: string, lang: string | null = null) => invoke<string[]>("delete_fact", { key, lang }),
  listTerms: () => invoke<Term[]>("list_terms"),
  addTerm: (lang: string, term: string, prefer: string, note: string) =>
    invoke<string>("add_term", { lang, term, prefer, note }),
  removeTerm: (id: string) => invoke<void>("remove_term", { id }),
  listEvents: () => invoke<EventRecord[]>("list_events"),
  saveEvent: (id: string | null, event: EventInput) => invoke<string>("save_event", { id, event }),
  deleteEvent: (id: string) => invoke<void>("delete_event", { id }),
  organisation: () => invoke<Organisation>("get_organisation"),
  updateOrganisation: (organisation: { name: string; short_name: string; address: string; website: string }) =>
    invoke<Organisation>("update_organisation", { organisation }),
  chooseLogo: () => invoke<Organisation | null>("choose_logo"),
  listStatements: () => invoke<StatementRow[]>("list_statements"),
  /** `null` for no event, the interface's language, the default template. */
  createStatement: (title: string, event: string | null, lang: string | null, template: string | null) =>
    invoke<string>("create_statement", { title, event, lang, template }),
  copyStatement: (id: string, title: string) => invoke<string>("copy_statement", { id, title }),
  openStatement: (id: string) => invoke<StatementDetail>("open_statement", { id }),
  deleteStatement: (id: string) => invoke<void>("delete_statement", { id }),
  undeleteStatement: (id: string) => invoke<void>("undelete_statement", { id }),
  updateStatementDetails: (
    id: string,
    details: { title: string; event: string | null; lang: string; template: string; date: string },
  ) => invoke<StatementDetail>("update_statement_details", { id, details }),
  addSections: (id: string, sections: string[], at: number | null = null) =>
    invoke<StatementDetail>("add_statement_sections", { id, sections, at }),
  addText: (id: string, title: string, body: string) => invoke<StatementDetail>("add_statement_text", { id, title, body }),
  editText: (id: string, position: number, title: string, body: string) =>
    invoke<StatementDetail>("edit_statement_text", { id, position, title, body }),
  moveItem: (id: string, from: number, to: number) => invoke<StatementDetail>("move_statement_item", { id, from, to }),
  removeItem: (id: string, position: number) => invoke<StatementDetail>("remove_statement_item", { id, position }),
  updateItem: (id: string, position: number) => invoke<StatementDetail>("update_statement_item", { id, position }),
  forkItem: (id: string, position: number) => invoke<StatementDetail>("fork_statement_item", { id, position }),
  setStatementStatus: (id: string, status: StatementStatus, note = "") =>
    invoke<StatementDetail>("set_statement_status", { id, status, note }),
  addSignatory: (id: string, name: string, role: string) => invoke<StatementDetail>("add_signatory", { id, name, role }),
  recordConsent: (id: string, position: number, agreed: boolean, note = "") =>
    invoke<StatementDetail>("record_consent", { id, position, agreed, note }),
  removeSignatory: (id: string, position: number) => invoke<StatementDetail>("remove_signatory", { id, position }),
  /** Undoes removing the signatory `name` in this session: back in place, with their answer. */
  putBackSignatory: (id: string, name: string) => invoke<StatementDetail>("put_back_signatory", { id, name }),
  moveSignatory: (id: string, from: number, to: number) => invoke<StatementDetail>("move_signatory", { id, from, to }),
  /** With `parallel` (a language), the statement's translation goes in a second column. */
  exportStatement: (id: string, format: ExportFormat, template: string | null, parallel: string | null = null) =>
    invoke<ExportOutcome | null>("export_statement", { id, format, template, parallel }),
  listExports: (id: string) => invoke<ExportRow[]>("list_exports", { id }),
  openExport: (id: string, exportId: string) => invoke<void>("open_export", { id, export: exportId }),
  exportText: (id: string, exportId: string) => invoke<string | null>("export_text", { id, export: exportId }),
  exportDetails: (id: string, exportId: string) => invoke<ExportDetails>("export_details", { id, export: exportId }),
  exportTemplates: () => invoke<TemplatesWritten | null>("export_templates"),
  checkLibrary: () => invoke<CheckReport>("check_library"),
  proposeImportFile: () => invoke<ImportView | null>("propose_import_file"),
  proposeImportText: (text: string) => invoke<ImportView>("propose_import_text", { text }),
  saveImport: (origin: ImportOrigin, sections: ChosenSection[], tags: string[], past: PastStatementInput | null) =>
    invoke<{ added: string[]; updated: number; skipped: number; statement: string | null }>("save_import", {
      origin,
      sections,
      tags,
      past,
    }),
  shareLibrary: (tags: string[]) => invoke<SharedBundle | null>("share_library", { tags }),
  importBundle: () => invoke<MergeResult | null>("import_bundle"),
  resolveDivergence: (id: string, keep: number) => invoke<number>("resolve_divergence", { id, keep }),
  setMenuLanguage: (lang: string) => invoke<void>("set_menu_language", { lang }),
  windowReady: (pageMs: number, marks: Record<string, number>) =>
    invoke<number>("window_ready", { page_ms: pageMs, marks }),
};

/** The whole section list, asked for as soon as the page loads so it arrives with the library's
 * details instead of after them (start-up time). Taken once by the library view. */
let firstList: Promise<SectionRow[]> | null = null;

export function prefetchSectionList(): void {
  firstList ??= api.listSections(emptyFilter());
}

export function takePrefetchedList(): Promise<SectionRow[]> | null {
  const list = firstList;
  firstList = null;
  return list;
}
