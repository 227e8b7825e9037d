/**
 * Which of a page's names survive the next deploy and the next record (issue 16 item 7). A recipe
 * picked today is applied after the app was built again: CSS-module and CSS-in-JS hashes change with
 * every build, frameworks number their components as they render them, utility classes change with
 * the design, state classes with the user's clicks, and ids hold the record's number. These rules
 * are about the shape of a token, never about one app: an unseen app's tokens are judged the same way.
 */

/** Prefixes of class names that CSS-in-JS libraries and frameworks generate or scope with. */
const GENERATED_PREFIX = /^(?:css|sc|jsx|jss|emotion|svelte|ng|tw|_)[-_]/i;
/**
 * A word of random case, as hashes print (`kVxWq`, `bdVaJa`): a lower- then upper-case letter twice
 * within a few letters. Words people write in camelCase (`invoiceTotal`, `MuiInputBase`) have longer
 * lower-case runs between their capitals.
 */
const RANDOM_CASE = /[a-z][A-Z][a-z]?[A-Z]|[A-Z][a-z]?[A-Z][a-z]?[A-Z][a-z]/;
/** Classes that say how an element looks or what state it is in, not what it is: they change on a redesign or a click. */
const STATE_CLASS =
  /^(?:(?:is|has)-.+|active|selected|current|focus(?:ed|-visible|-within)?|hover(?:ed)?|open|closed|expanded|collapsed|disabled|enabled|checked|even|odd|first|last|visible|hidden|invisible|loading|loaded|dirty|pristine|touched|untouched|valid|invalid|Mui-[a-z]+)$/;
/**
 * Utility-first classes (Tailwind, Bootstrap utilities, Tachyons): the look of one element, changed by a
 * redesign, shared by unrelated elements.
 */
const UTILITY_CLASS =
  /^-?(?:[mp][trblxyse]?-|(?:min-|max-)?[wh]-|text-|font-|leading-|tracking-|bg-|border(?:-|$)|rounded(?:-|$)|shadow(?:-|$)|opacity-|z-|gap-|space-[xy]-|flex(?:-|$)|grid(?:-|$)|inline(?:-|$)|block$|items-|justify-|content-|self-|place-|order-|col-|row-|overflow-|whitespace-|break-|truncate$|uppercase$|lowercase$|capitalize$|italic$|underline$|ring(?:-|$)|divide-|sr-only$|d-|float-|align-|position-|top-|bottom-|left-|right-|inset-|relative$|absolute$|fixed$|sticky$|static$|transition(?:-|$)|duration-|ease-|cursor-|select-|pointer-events-|fw-|fs-|lh-|small$)/;

/** The parts of a class or id that `-`, `_` and digits separate. */
function segments(token: string): string[] {
  return token.split(/[-_\d]+/).filter(Boolean);
}

/** Does a token look generated: a hash, a counter, a framework's scoping name? */
function looksGenerated(token: string): boolean {
  return /\d/.test(token) || token.includes(':') || GENERATED_PREFIX.test(token) || segments(token).some((part) => part.length >= 4 && RANDOM_CASE.test(part));
}

/** A class that names what an element is and is the same on the next deploy. */
export function isStableClass(token: string): boolean {
  return token.length > 0 && token.length <= 40 && !looksGenerated(token) && !STATE_CLASS.test(token) && !UTILITY_CLASS.test(token) && !moduleClassPrefix(token);
}

/** An id the app wrote itself (`customer-email`), not one a framework counted (`ember123`, `:r3:`, `mat-input-0`). */
export function isStableId(id: string): boolean {
  return id.length > 0 && id.length <= 60 && !looksGenerated(id);
}

/**
 * The lasting part of a CSS-module class (`Invoice_title__3xYzA` → `Invoice_title__`,
 * `Invoice-module__title__kVxWq` → `Invoice-module__title__`): the source's names before the build's
 * hash. Undefined for other classes, and for BEM's `block__element`, whose last part is a word.
 */
export function moduleClassPrefix(token: string): string | undefined {
  const match = /^([A-Za-z][A-Za-z-]*_{1,2}[A-Za-z][A-Za-z-]*__)([A-Za-z0-9_-]{4,12})$/.exec(token);
  if (!match) return undefined;
  const [, prefix, hash] = match as unknown as [string, string, string];
  return /\d/.test(hash) || RANDOM_CASE.test(hash) || /[A-Z]/.test(hash) ? prefix : undefined;
}

/**
 * For an id that holds a number (`invoice-4711-total`, the record's id or a counter), the words
 * around it, which other records' pages share: `{ prefix: 'invoice-', suffix: '-total' }`. Inside a
 * framework's naming containers (ASP.NET `ctl00_Main_lblInvoiceNo`, SAP UI5
 * `__xmlview0--invoiceNumber-inner`) only the part after the last number is the app's own name: the
 * prefix is then empty, and the suffix must be long enough to name one thing (`-inputEl` is not).
 * Undefined when no words follow the number or they look generated (`ember123`, `:r3:-label`).
 */
export function numberedIdParts(id: string): { prefix: string; suffix: string } | undefined {
  const match = /^(.*?\d)([-_]+[A-Za-z][A-Za-z_-]*)$/.exec(id);
  if (!match) return undefined;
  const [, head, suffix] = match as unknown as [string, string, string];
  const words = suffix.replace(/^[-_]+/, '');
  if (looksGenerated(words) || !/[A-Za-z]{3}/.test(words)) return undefined;
  const prefix = /^([A-Za-z][A-Za-z_-]*?[-_])\d[\d_-]*$/.exec(head)?.[1];
  if (prefix && !looksGenerated(prefix.replace(/[-_]+$/, ''))) return { prefix, suffix };
  return words.replace(/[-_]/g, '').length >= 8 ? { prefix: '', suffix } : undefined;
}

/** Attributes whose value names other elements by id: stable only when each of those ids is. */
const ID_REFERENCES = new Set(['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'headers', 'list', 'form']);

/**
 * An attribute value that names a thing rather than a record or a render: short, without a run of
 * digits (an id), not a uuid or a hash; for references to ids, only stable ids.
 */
export function isStableAttributeValue(name: string, value: string): boolean {
  if (value.length === 0 || value.length > 60 || /[\n\r]/.test(value) || /\d{3,}/.test(value)) return false;
  if (ID_REFERENCES.has(name)) return value.split(/\s+/).filter(Boolean).every(isStableId);
  if (/^[0-9a-f-]{6,}$/i.test(value) && /\d/.test(value)) return false;
  // React's `:r3:`, and counters a framework appends (`ember12`, `mat-input-3`).
  return !/^:[a-z]*\d+:|^[a-z]+\d+$|^[a-z][a-z-]*-\d+$/i.test(value);
}
