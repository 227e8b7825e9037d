/**
 * happy-dom's HTML parser does not choose an `<option selected>` (a browser's does): this chooses
 * them, as a browser would have, so the detector reads a select the way it does in Chromium.
 */
export function applySelectedOptions(root: ParentNode = document) {
  for (const option of root.querySelectorAll<HTMLOptionElement>('option[selected]')) option.selected = true;
}
