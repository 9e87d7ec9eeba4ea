// The paragraph a program office publishes about its ties, generated from the figures so it always agrees
// with them: "Anhui is twinned with 95 places in 38 countries. 21 were established at the regional level and
// 74 at the city level. …" One writer per language (./<lang>.ts), each a whole paragraph in its own grammar.
import type { ParagraphWriter, StatsTextInput } from './common.js';
import { paragraph as en } from './en.js';
import { paragraph as zh } from './zh.js';
import { paragraph as ja } from './ja.js';
import { paragraph as ko } from './ko.js';
import { paragraph as de } from './de.js';
import { paragraph as fr } from './fr.js';
import { paragraph as es } from './es.js';
import { paragraph as ru } from './ru.js';

const WRITERS = { en, zh, ja, ko, de, fr, es, ru } satisfies Record<string, ParagraphWriter>;

export type StatsLang = keyof typeof WRITERS;
export const STATS_LANGS = Object.keys(WRITERS) as StatsLang[];

export function statsParagraph(input: StatsTextInput, lang: StatsLang): string {
  return WRITERS[lang](input);
}

export type { ParagraphWriter, StatsTextInput };
