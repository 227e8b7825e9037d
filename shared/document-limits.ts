/** The largest document Ownpost attaches (the page's PDF or a file the user adds). Without zod: the in-page scripts use it. */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/** Past this many characters a page's copy is not sent for detection: the content script reads the page itself (issue 18). */
export const MAX_PAGE_COPY_CHARS = 4_000_000;
