/**
 * Base64 for attachments, shared by the background (documents fetched from the page's site) and the
 * in-page panel (files the user adds). No imports: the panel's bundle stays small.
 */

/** Base64 without blowing the call stack on large files. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** The decoded size of a base64 string, without decoding it. */
export function base64Size(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}
