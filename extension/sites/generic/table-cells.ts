/**
 * Labels and values in tables and definition lists: the cell below a column heading, a cell's first line, a
 * label cell, the row of a label beside its value.
 */

/** Elements that start a line of their own inside a cell. */
const BLOCK_TAGS = new Set(['DIV', 'P', 'UL', 'OL', 'LI', 'TABLE', 'DL', 'ADDRESS', 'SECTION']);

/** A cell's text up to its first line break or block: the first line of an address written in one cell. */
export function firstLine(cell: Element): string {
  let line = '';
  for (const node of cell.childNodes) {
    if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if (tag === 'BR' || BLOCK_TAGS.has(tag)) {
        if (/\S/.test(line)) break;
        if (tag === 'BR') continue;
      }
    }
    line += node.textContent ?? '';
  }
  return line;
}

/** A table's column heading: a `<th>` in `<thead>`, or in a first row of headings only. */
export function isColumnHeading(element: Element): boolean {
  const cell = element.closest('th');
  if (!cell) return false;
  if (cell.getAttribute('scope') === 'col' || cell.parentElement?.parentElement?.tagName === 'THEAD') return true;
  const row = cell.parentElement;
  return row !== null && row.previousElementSibling === null && row.children.length > 1 && [...row.children].every((c) => c.tagName === 'TH');
}

/**
 * The cell under a column heading when its table has one row below its headings: the row of a
 * document's facts. A table of several rows (line items, a list) labels none of them alone, nor does
 * a row with its own PDF (a list of one document). The rows after the next row of headings are that row's.
 */
export function onlyCellBelow(element: Element): Element | undefined {
  const cell = element.closest('th');
  const headingRow = cell?.parentElement;
  const table = cell?.closest('table');
  if (!cell || !headingRow || !table) return undefined;
  let below: Element | undefined;
  let passed = false;
  for (const row of table.querySelectorAll('tr')) {
    if (row === headingRow) passed = true;
    // "Selger | Kjøper" over the parties' blocks, then "Kontaktinformasjon" over their contacts: a row of headings starts another section.
    else if (passed && below && !row.querySelector('td')) break;
    else if (passed && row.querySelector('td')) {
      if (below) return undefined;
      below = row;
    }
  }
  if (below?.querySelector('a[href*="pdf" i], a[download]')) return undefined;
  return below?.children[[...headingRow.children].indexOf(cell)];
}

/**
 * Text in a table's heading cell, a definition list's term or a form's `<label>` (one that wraps no
 * control: "<label>Denumire</label><span>Mobila Design SRL</span>"), other than the label's own: another label.
 */
export function isLabelCell(element: Element, label: Element): boolean {
  const cell = element.closest('th, dt, label');
  return cell !== null && !cell.contains(label) && (cell.tagName !== 'LABEL' || !cell.querySelector('input, select, textarea'));
}

/** The row of a table cell that has a cell after it (a label beside its value), else null. */
export function rowWithValueCell(element: Element): Element | null {
  const cell = element.closest('td, th');
  return cell?.nextElementSibling ? cell.closest('tr') : null;
}
