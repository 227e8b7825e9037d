import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'certs');

/** Test certificates (see test/fixtures/certs/make-certs.sh). Tests trust `ca` explicitly. */
export const certs = {
  caFile: path.join(DIR, 'ca.pem'),
  ca: readFileSync(path.join(DIR, 'ca.pem'), 'utf8'),
  server: { key: readFileSync(path.join(DIR, 'server.key')), cert: readFileSync(path.join(DIR, 'server.pem')) },
  expired: { key: readFileSync(path.join(DIR, 'expired.key')), cert: readFileSync(path.join(DIR, 'expired.pem')) },
  wrongName: { key: readFileSync(path.join(DIR, 'wrongname.key')), cert: readFileSync(path.join(DIR, 'wrongname.pem')) },
  /** For `*.guess.test` and `*.mailonly.test` (discovery's guessed names). */
  discovery: { key: readFileSync(path.join(DIR, 'discovery.key')), cert: readFileSync(path.join(DIR, 'discovery.pem')) },
  selfSigned: { key: readFileSync(path.join(DIR, 'selfsigned.key')), cert: readFileSync(path.join(DIR, 'selfsigned.pem')) },
};
