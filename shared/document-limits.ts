/** The largest document Ownpost attaches (the page's PDF or a file the user adds). Without zod: the in-page scripts use it. */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;
