import type { ComponentChildren } from 'preact';

export interface Column {
  label: ComponentChildren;
  /** right-aligned, tabular figures */
  numeric?: boolean;
}

/**
 * A table of figures with column headers; numeric columns line up on the right. A table with a `label` scrolls
 * sideways on its own when it is wider than the screen (a phone), instead of widening the whole page; the
 * label names that scrolling region, which takes the keyboard focus so it can be scrolled without a mouse.
 */
export function DataTable(p: { columns: Column[]; rows: ComponentChildren[][]; label?: string }) {
  const cls = (i: number) => (p.columns[i]?.numeric ? 'n' : undefined);
  const table = (
    <table>
      <thead>
        <tr>
          {p.columns.map((c, i) => (
            <th scope="col" class={cls(i)}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {p.rows.map((row) => (
          <tr>
            {row.map((cell, i) => (
              <td class={cls(i)}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!p.label) return table;
  return (
    <div class="table-scroll" role="region" aria-label={p.label} tabindex={0}>
      {table}
    </div>
  );
}
