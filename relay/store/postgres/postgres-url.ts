import pg from 'pg';

/**
 * Whether node-postgres can read `url` (it reads it only when the first connection opens, and a URL
 * it cannot read failed start-up with a stack trace). node-postgres's own parser decides: it is more
 * lenient than `new URL` (spaces, a missing host). The URL is never put in a message: it holds the
 * password.
 */
export function postgresUrlReadable(url: string): boolean {
  try {
    // The constructor parses the URL and connects to nothing.
    new pg.Client({ connectionString: url });
    return true;
  } catch {
    return false;
  }
}
