/**
 * Headings and their rank: a number in a heading names the page's document before one in its fields.
 */

export const HEADING_SELECTOR = 'h1, h2, h3, h4, [role="heading"]';

/** A number's rank in an `<h1>` (headingRank): no other place ranks higher. */
export const TITLE_RANK = 4;

export function headingRank(element: Element): number {
  const heading = element.closest(HEADING_SELECTOR);
  if (!heading) return 0;
  const level = /^H(\d)$/.exec(heading.tagName)?.[1];
  return level ? 5 - Number(level) : 1;
}

/** A heading element's level. */
export const HEADING_TAG = /^H([1-6])$/;
