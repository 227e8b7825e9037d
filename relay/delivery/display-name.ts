/**
 * Display names that cannot pass for an address (issue 14). `"ceo@firma.se" <x@elsewhere>` is a
 * valid mailbox whose name is an address: many programs show only the name, and naive parsers take
 * the quoted text for the address. So a name with an `@`, a quote or angle brackets gets those
 * characters as their full-width forms (＠ ＂ ＜ ＞): it reads the same to a person, no program
 * reads an address in it, and being non-ASCII it goes out as an RFC 2047 encoded-word rather than a
 * quoted string that could be split differently.
 */
const LOOKALIKES: Record<string, string> = { '@': '\uFF20', '"': '\uFF02', '<': '\uFF1C', '>': '\uFF1E' };

/** `name` as it may appear in a header; unchanged when it has none of those characters. */
export function safeDisplayName(name: string): string {
  return name.replace(/[@"<>]/g, (c) => LOOKALIKES[c]!);
}
