import type { ComponentChildren } from 'preact';

export interface Column {
  label: ComponentChildren;
  /** right-aligned, tabular figures */
  numeric?: boolean;
}

/**
 * A table of figures with column headers; numeric columns line up on the right. On a narrow screen the table
 * scrolls sideways inside its box instead of widening the page.
 */
export function DataTable(p: {
  columns: Column[];
  rows: ComponentChildren[][];
  /** a class for the style sheet, e.g. a layout of its own on phones */
  class?: string;
  /** each cell carries its column's label (`data-label`), for a phone layout that shows it beside the value */
  labelled?: boolean;
}) {
  const cls = (i: number) => (p.columns[i]?.numeric ? 'n' : undefined);
  return (
    // focusable, so that keyboard users can scroll a table wider than the screen
    <div class="table-wrap" tabindex={0}>
      <table class={p.class}>
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
              {row.map((cell, i) => {
                const label = p.columns[i]?.label;
                return (
                  <td class={cls(i)} data-label={p.labelled && typeof label === 'string' ? label : undefined}>
                    {cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
