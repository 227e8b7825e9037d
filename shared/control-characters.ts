/**
 * The control characters that no single line of text may hold, as one class each, for the shared
 * schemas and the relay alike. Neither has the `g` flag, so `test` keeps no state between calls; a
 * caller that replaces every match builds its own global copy once (`new RegExp(X.source, 'g')`).
 */

/**
 * C0 controls (CR and LF among them), DEL, C1 controls and the Unicode line and paragraph separators:
 * what may end a header or a log line (header injection, CVE-2021-23400; log forging, CWE-117) or send
 * escape sequences to a terminal.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_OR_LINE_SEPARATOR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** C0 controls and DEL: the ASCII control characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const ASCII_CONTROL = /[\u0000-\u001f\u007f]/;
