// Transitional: the labels of entry types and choices as pages used them before the catalogues. The texts are
// in the `entries` block of src/web/i18n/<lang>.ts; this file goes when no page imports it (admin.tsx).
import type { EntryType } from '../../domain/entries.js';
import type { EntryTypeLabels } from '../i18n/entry-types.js';
import { LANGS, messages, type Lang } from '../i18n/index.js';

export const ENTRY_LABELS = Object.fromEntries(LANGS.map((l) => [l, messages(l).entries.types])) as Record<
  Lang,
  Record<EntryType, EntryTypeLabels>
>;

export const CHOICE_LABELS = Object.fromEntries(LANGS.map((l) => [l, messages(l).entries.choices])) as Record<
  Lang,
  Record<string, string>
>;
