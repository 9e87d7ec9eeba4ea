/**
 * Profile keywords of a place: what it is known for (industries, a port, universities, heritage), set by its
 * editors. A controlled set has a label in every language and aliases editors may type; anything else is kept
 * as a free keyword, normalized to lower case. Matching counts the keywords two places share.
 */
export const PROFILE_KEYWORDS = [
  'steel',
  'automotive',
  'chemicals',
  'energy',
  'mining',
  'aerospace',
  'tech',
  'logistics',
  'agriculture',
  'wine',
  'fishing',
  'port',
  'university',
  'heritage',
  'tourism',
  'arts',
] as const;
export type ProfileKeyword = (typeof PROFILE_KEYWORDS)[number];

/** Words editors type for a controlled keyword (its id is one too). */
const ALIASES: Record<string, ProfileKeyword> = {
  'steel industry': 'steel',
  iron: 'steel',
  'iron and steel': 'steel',
  cars: 'automotive',
  'car industry': 'automotive',
  'automotive industry': 'automotive',
  chemical: 'chemicals',
  'chemical industry': 'chemicals',
  oil: 'energy',
  mines: 'mining',
  aviation: 'aerospace',
  technology: 'tech',
  'high tech': 'tech',
  'high-tech': 'tech',
  it: 'tech',
  software: 'tech',
  transport: 'logistics',
  farming: 'agriculture',
  wines: 'wine',
  winemaking: 'wine',
  fisheries: 'fishing',
  harbour: 'port',
  harbor: 'port',
  seaport: 'port',
  ports: 'port',
  universities: 'university',
  'university town': 'university',
  'heritage site': 'heritage',
  'world heritage': 'heritage',
  'world heritage site': 'heritage',
  unesco: 'heritage',
  tourist: 'tourism',
  culture: 'arts',
  art: 'arts',
};

/** The most keywords a place may have, and the longest one. */
export const MAX_KEYWORDS = 12;
export const MAX_KEYWORD_LENGTH = 40;

export const isProfileKeyword = (k: string): k is ProfileKeyword =>
  (PROFILE_KEYWORDS as readonly string[]).includes(k);

/** A keyword as stored: trimmed, spaces collapsed, lower case, a controlled keyword's id for its aliases. */
export function normalizeKeyword(raw: string): string {
  const k = raw.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  if (isProfileKeyword(k)) return k;
  return Object.hasOwn(ALIASES, k) ? ALIASES[k]! : k;
}

/** Letters, digits, spaces, and - ' & . inside a keyword. */
const KEYWORD = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N} '&.-]*[\p{L}\p{M}\p{N}.])?$/u;

/**
 * Keywords from what an editor typed or chose: separated by commas, semicolons or new lines (also the
 * full-width forms and 、), normalized, duplicates dropped, controlled ones first in their order, then the free
 * ones as given. Problems name the keyword and what is wrong; none means the list can be stored.
 */
export function parseKeywords(input: string | readonly string[]): { value: string[]; problems: string[] } {
  const parts = (typeof input === 'string' ? [input] : input)
    .flatMap((s) => s.split(/[,;\n\r，；、]+/))
    .map(normalizeKeyword)
    .filter(Boolean);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const k of parts) {
    if (seen.has(k)) continue;
    if ([...k].length > MAX_KEYWORD_LENGTH)
      problems.push(`"${k.slice(0, 50)}" is longer than ${MAX_KEYWORD_LENGTH} characters`);
    else if ([...k].length < 2) problems.push(`"${k}" is too short: a keyword has 2 characters or more`);
    else if (!KEYWORD.test(k))
      problems.push(`"${k.slice(0, 50)}" may hold only letters, digits, spaces and - ' & .`);
    seen.add(k);
  }
  const controlled = PROFILE_KEYWORDS.filter((k) => seen.has(k));
  const free = [...seen].filter((k) => !isProfileKeyword(k));
  const value = [...controlled, ...free];
  if (value.length > MAX_KEYWORDS)
    problems.push(`${value.length} keywords are too many: keep at most ${MAX_KEYWORDS}`);
  return { value, problems };
}

/** The keywords two lists share, in the first list's order. */
export function sharedKeywords(a: readonly string[], b: readonly string[]): string[] {
  if (!a.length || !b.length) return [];
  const set = new Set(b);
  return a.filter((k) => set.has(k));
}
