import type { FactOrigin } from '../../domain/provenance.js';
import { personName } from '../i18n/index.js';
import type { ViewContext } from './context.js';

/**
 * Where a fact comes from, as a small note under it: the editor who last set it and when, else the sources
 * the data names for it. Nothing when neither is known.
 */
export function Origin(p: { v: ViewContext; origin: FactOrigin | undefined }) {
  const o = p.origin;
  const t = p.v.t.provenance;
  if (o?.edited) {
    const when = p.v.t.time(o.edited.at);
    return (
      <small class="origin">
        {o.edited.by ? t.edited(personName(o.edited.by, p.v.lang), when) : t.editedAnonymously(when)}
      </small>
    );
  }
  if (o?.sources.length) return <small class="origin">{t.sources(o.sources)}</small>;
  return null;
}
