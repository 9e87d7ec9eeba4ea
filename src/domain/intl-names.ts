/** Intl's display names, one formatter per locale and kind, made once. */
const formatters = new Map<string, Intl.DisplayNames>();
/** names looked up, bounded (codes come from the data and from addresses) */
const names = new Map<string, string | undefined>();

/**
 * The CLDR name (from Intl) of a language, currency or region code in a locale; undefined where Intl refuses
 * the code. Intl answers an unknown but well-formed code with the code itself: callers decide what to show then.
 */
export function intlName(
  locale: string,
  type: 'language' | 'currency' | 'region',
  code: string,
): string | undefined {
  const key = `${locale}\u0000${type}\u0000${code}`;
  if (names.has(key)) return names.get(key);
  let name: string | undefined;
  try {
    let dn = formatters.get(`${locale}\u0000${type}`);
    if (!dn) formatters.set(`${locale}\u0000${type}`, (dn = new Intl.DisplayNames([locale], { type })));
    name = dn.of(code);
  } catch {
    name = undefined;
  }
  if (names.size < 20_000) names.set(key, name);
  return name;
}
