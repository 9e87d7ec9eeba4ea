import type { ComponentChildren } from 'preact';
import type { ViewContext } from './context.js';

/** A row of a fact card: its label and value, or `null` when the fact is not known. */
export interface FactRow {
  label: string;
  value: ComponentChildren | null;
}

/**
 * A fact card's rows: the known facts as a definition list, and the unknown ones folded into one line after it
 * ("Not known: population, time zone.") rather than a row each saying so.
 */
export function FactList(p: { v: ViewContext; rows: (FactRow | false | null | undefined | '')[] }) {
  const rows = p.rows.filter((r): r is FactRow => !!r);
  const known = rows.filter((r) => r.value !== null);
  const unknown = rows.filter((r) => r.value === null).map((r) => r.label);
  return (
    <>
      <dl class="facts">
        {known.map((r) => (
          <>
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </>
        ))}
      </dl>
      {unknown.length > 0 && <p class="muted not-known">{p.v.t.places.notKnown(unknown)}</p>}
    </>
  );
}
