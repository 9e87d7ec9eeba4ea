// Search keys for place names: case, diacritics and punctuation are ignored, so "Malmo" finds Malmö and
// "sao paulo" finds São Paulo. Letters that Unicode does not decompose get their usual Latin transliteration.
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'ng',
  ĸ: 'k',
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(FOLD_RE, (ch) => FOLD[ch] ?? ch)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Scripts written without spaces between words: every position starts a searchable term.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hangul}]/u;

export interface SearchTerm {
  term: string;
  /** true when the term is the whole normalized name, not a word inside it */
  whole: boolean;
}

/** The keys under which a name can be found by prefix: the whole name, and each word (or character) onwards. */
export function searchTerms(name: string): SearchTerm[] {
  const norm = normalizeName(name);
  if (!norm) return [];
  const terms: SearchTerm[] = [{ term: norm, whole: true }];
  const seen = new Set([norm]);
  const chars = Array.from(norm);
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1] as string;
    const ch = chars[i] as string;
    const startsWord = prev === ' ' && ch !== ' ';
    if (startsWord || (UNSPACED.test(ch) && ch !== ' ')) {
      const term = chars.slice(i).join('');
      if (!seen.has(term)) {
        seen.add(term);
        terms.push({ term, whole: false });
      }
    }
  }
  return terms;
}

/** The smallest string greater than every string that starts with `prefix` (for index range scans). */
export function prefixUpperBound(prefix: string): string {
  const chars = Array.from(prefix);
  const last = chars.pop();
  if (last === undefined) return '\u{10FFFF}';
  return chars.join('') + String.fromCodePoint((last.codePointAt(0) as number) + 1);
}

export function slugify(text: string): string {
  // Only ASCII survives: a name in another script yields '' and the caller falls back to an id.
  return normalizeName(text)
    .replace(/[^a-z0-9 ]+/g, '')
    .trim()
    .replace(/ +/g, '-');
}

const OTHER_NAMES = new WeakMap<object, Readonly<Record<string, string>>>();

/**
 * A place's names without the English one and those of no known language: what a reference to a place in the
 * network's answers carries beside its name (the English name is its `name`; a place's own answer has them
 * all). Made once per names record of a gazetteer snapshot.
 */
export function otherNames(names: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  if (!('en' in names) && !('und' in names)) return names;
  let other = OTHER_NAMES.get(names);
  if (!other) {
    const { en: _en, und: _und, ...rest } = names;
    other = rest;
    OTHER_NAMES.set(names, other);
  }
  return other;
}
