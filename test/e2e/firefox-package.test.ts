/**
 * The store packages (issue 20): `npm run zip` makes Chrome's and Firefox's, and Firefox's sources;
 * Mozilla's linter passes on the Firefox build; and the manifest asks for no permission the code does
 * not use (an audit that fails when a permission is added without a use, or its last use goes).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const OUTPUT = path.resolve('.output');
const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;

function zipEntries(file: string): Promise<string[]> {
  return run('unzip', ['-Z1', file]).then(({ stdout }) => stdout.trim().split('\n'));
}

/** Every source file of the extension, as text. */
function extensionSources(dir = 'extension'): string {
  return readdirSync(dir)
    .map((name) => path.join(dir, name))
    .map((file) => (statSync(file).isDirectory() ? extensionSources(file) : /\.(ts|tsx)$/.test(file) ? readFileSync(file, 'utf8') : ''))
    .join('\n');
}

/** What each permission is for, as the code that needs it. */
const PERMISSION_USES: Record<string, RegExp> = {
  storage: /\bstorage\.defineItem\b|browser\.storage\./,
  scripting: /browser\.scripting\./,
  identity: /browser\.identity\./,
  // The popup reads the address of the tab it opened over (tabs.query / tabs.get): only activeTab lets it.
  activeTab: /browser\.tabs\.(query|get)\(/,
  // Observing only: where a document link redirects, before the background follows it (extension/background/redirect-location.ts).
  webRequest: /\.webRequest\?*\.onHeadersReceived\b/,
  // Chromium: the document where copies of pages are read, off the pages' main threads (extension/background/page-detection.ts).
  offscreen: /\boffscreen\s*\.createDocument\(/,
};

beforeAll(async () => {
  await run('npm', ['run', 'zip', '--silent'], { maxBuffer: 16 * 1024 * 1024 });
}, 120_000);

describe('the store packages', () => {
  it('npm run zip makes the Chrome and Firefox packages and the Firefox sources', async () => {
    const chrome = await zipEntries(path.join(OUTPUT, `ownpost-${version}-chrome.zip`));
    const firefox = await zipEntries(path.join(OUTPUT, `ownpost-${version}-firefox.zip`));
    const sources = await zipEntries(path.join(OUTPUT, `ownpost-${version}-sources.zip`));
    expect(chrome).toContain('manifest.json');
    expect(firefox).toContain('manifest.json');
    expect(firefox).toContain('content-scripts/invoice.js');
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'extension/entrypoints/background.ts', 'shared/schemas.ts']));
    // What AMO does not need to rebuild the add-on stays out.
    expect(sources.filter((entry) => /^(relay|test|docs|node_modules|\.output)\//.test(entry))).toEqual([]);
  });

  it('builds Firefox as MV3 with a fixed add-on id, data collection consent and optional host permissions', () => {
    const manifest = JSON.parse(readFileSync(path.join(OUTPUT, 'firefox-mv3/manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.browser_specific_settings.gecko).toMatchObject({ id: 'ownpost@ownpost.dev', data_collection_permissions: { required: expect.any(Array) } });
    // Without these, "Use Ownpost on this site" and a relay elsewhere cannot be granted (the MV2 build's bug).
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
  });

  it('passes web-ext lint on the Firefox build without errors', async () => {
    const { stdout } = await run('npx', ['web-ext', 'lint', '--source-dir', path.join(OUTPUT, 'firefox-mv3'), '--output', 'json', '--no-config-discovery'], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout: string }) => error);
    const report = JSON.parse(stdout.slice(stdout.indexOf('{')));
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 60_000);

  it('asks for no permission the code does not use', () => {
    const sources = extensionSources();
    for (const browser of ['chrome-mv3', 'firefox-mv3']) {
      const manifest = JSON.parse(readFileSync(path.join(OUTPUT, browser, 'manifest.json'), 'utf8'));
      for (const permission of manifest.permissions as string[]) {
        expect(PERMISSION_USES[permission], `${browser}: "${permission}" has no known use`).toBeDefined();
        expect(sources, `${browser}: nothing uses "${permission}"`).toMatch(PERMISSION_USES[permission]!);
      }
      // Hosts: this computer's relay only; everything else at run time.
      expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    }
  });
});
