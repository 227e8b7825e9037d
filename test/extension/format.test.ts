import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../extension/ui/format';

describe('formatBytes', () => {
  it('writes sizes in decimal units the way the page’s language does', () => {
    expect(formatBytes(48_000, 'en')).toBe('48 kB');
    expect(formatBytes(120, 'en')).toBe('1 kB');
    expect(formatBytes(10_000_000, 'en')).toBe('10 MB');
    expect(formatBytes(1_250_000, 'sv')).toBe('1,3 MB');
    expect(formatBytes(25_000_000, 'fi')).toBe('25 Mt');
  });
});
