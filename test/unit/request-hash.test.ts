import { describe, expect, it } from 'vitest';
import { hashRequestValue } from '../../relay/delivery/request-hash';

/**
 * A send's request hash is stored with it (the Idempotency-Key's check): a retry after an upgrade
 * must hash to the same digest as before, however the hash is fed. The digest below is the one the
 * relay computed before short pieces were gathered into one update.
 */
describe('hashRequestValue', () => {
  const value = {
    to: [{ address: 'kund@exempel.se', name: 'Kund Åström 😀' }],
    cc: [],
    subject: 'Faktura 4711',
    text: 'Hej!\n',
    n: 3,
    ok: true,
    none: null,
    skip: undefined,
    attachments: [{ filename: 'Faktura-4711.pdf', contentBase64: 'JVBERi0xLjcK' }],
    // Longer than one slice (1 MiB of UTF-8): fed in slices, not gathered.
    long: 'é'.repeat(600_000),
  };
  const digest = '74e82ee5939f05050a7d5fc1eb83d8ef650a0be11980686c3814981243616630';

  it('gives the digest stored sends were hashed with', () => {
    expect(hashRequestValue(value)).toBe(digest);
  });

  it('hashes a file as bytes of the body the same as the same base64 as a string', () => {
    expect(hashRequestValue({ ...value, attachments: [{ filename: 'Faktura-4711.pdf', contentBase64: Buffer.from('JVBERi0xLjcK') }] })).toBe(digest);
  });

  it('tells apart values whose pieces would join into the same text', () => {
    expect(hashRequestValue(['ab', 'c'])).not.toBe(hashRequestValue(['a', 'bc']));
    expect(hashRequestValue({ a: 'b' })).not.toBe(hashRequestValue({ ab: '' }));
  });
});
