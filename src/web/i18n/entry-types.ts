import type { EntryType } from '../../domain/entries.js';

/** The words of one type of entry: its name, its list, its "add" button and the labels of its fields. */
export interface EntryTypeLabels {
  one: string;
  many: string;
  add: string;
  /** field name (as in ENTRY_FIELDS) → its label and an optional hint below it */
  fields: Record<string, { label: string; hint?: string }>;
}

/** Checks that a catalogue names every type of entry, each with its fields. */
export const entryTypes = (labels: Record<EntryType, EntryTypeLabels>) => labels;
