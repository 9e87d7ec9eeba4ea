/** A country's flag as the emoji its ISO code spells in regional indicator letters; '' for other codes. */
export function flagEmoji(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

/**
 * A flag beside a country's name, hidden from screen readers (the name says it): no image to download, and
 * where a system draws no flag emoji the two letters show instead.
 */
export function Flag(p: { code: string | null }) {
  const flag = p.code ? flagEmoji(p.code) : '';
  return flag ? (
    <span class="flag" aria-hidden="true">
      {flag}
    </span>
  ) : null;
}
