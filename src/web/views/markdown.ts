import MarkdownIt from 'markdown-it';

// Editors write sections in Markdown. Raw HTML is not allowed (markdown-it escapes it), links are checked by
// markdown-it's validateLink (no javascript:, vbscript:, file: or non-image data: URLs), and headings start
// below the section's own heading so the page outline stays right.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: false });
// pictures would be requests to other sites; the gallery holds a place's photos
md.disable('image');

md.core.ruler.push('shift_headings', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      const level = Math.min(6, Number(token.tag.slice(1)) + ((state.env as { shift?: number }).shift ?? 3));
      token.tag = `h${level}`;
    }
  }
});

const defaultLink =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const url = String(token.attrGet('href') ?? '');
  if (/^https?:/i.test(url)) token.attrSet('rel', 'external nofollow ugc');
  return defaultLink(tokens, idx, options, env, self);
};

/** Markdown as safe HTML; its headings start `shift` levels down (an h1 is an h4 by default). */
export function renderMarkdown(text: string, shift = 3): string {
  return md.render(text, { shift });
}
