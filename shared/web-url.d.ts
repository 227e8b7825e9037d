/**
 * The WHATWG URL parser, the one platform object shared/ uses: Node and browsers both provide it,
 * but it belongs to neither ECMAScript's lib nor a type package this project may load (shared/ gets
 * neither Node's types nor the DOM's). Declared with only the parts shared/ reads; the relay and the
 * extension see their own platform's full URL type.
 */
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly origin: string;
  hash: string;
  host: string;
  hostname: string;
  href: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  username: string;
  toString(): string;
}
