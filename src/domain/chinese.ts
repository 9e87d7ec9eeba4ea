import { Converter } from 'opencc-js/t2cn';

// Chinese pages are written in Simplified characters, but sources give some names in Traditional (舊金山, 臺北) or
// Japanese (東京都, 横浜) forms. Names are stored as the source gave them and converted only for display, with
// OpenCC's Japanese-to-mainland conversion (which also takes Traditional characters to Simplified).
const convert = Converter({ from: 'jp', to: 'cn' });
const known = new Map<string, string>();

/** A Chinese name in Simplified characters, for display. */
export function simplified(text: string): string {
  const seen = known.get(text);
  if (seen !== undefined) return seen;
  const out = convert(text) ?? text;
  if (known.size < 50_000) known.set(text, out);
  return out;
}
