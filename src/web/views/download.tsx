import { DATA_LICENCE } from '../../domain/licence.js';
import { EXPORT_FORMATS } from '../../services/export.js';
import type { ViewContext } from './context.js';

/**
 * The "Download" block of a page about a part of the registry: the same selection in every export format, as
 * links to the API, with the licence. `query` names the selection as `/api/export` takes it.
 */
export function DownloadBlock(p: {
  v: ViewContext;
  intro: string;
  query: Record<string, string | undefined>;
}) {
  const t = p.v.t.download;
  const params = Object.entries(p.query).filter((e): e is [string, string] => !!e[1]);
  return (
    <section class="download" aria-labelledby="h-download">
      <h2 id="h-download">{t.title}</h2>
      <p>{p.intro}</p>
      <ul class="formats">
        {EXPORT_FORMATS.map((format) => (
          <li>
            <a href={`/api/export?${new URLSearchParams([['format', format], ...params])}`} download>
              {t.formats[format]}
            </a>{' '}
            <span class="muted">{t.hints[format]}</span>
          </li>
        ))}
      </ul>
      <p class="muted">
        {t.licence}{' '}
        <a href={DATA_LICENCE.url} rel="license">
          {t.licenceName}
        </a>
        {t.licenceEnd}
        {t.sources}
      </p>
    </section>
  );
}
