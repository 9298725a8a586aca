import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * jsii compiles lib/ in place, so after a build lib/x.js sits beside lib/x.ts. Tests must keep
 * running the TypeScript sources (the .js may be stale, or absent on a fresh checkout): jest.config.js
 * puts 'ts' before 'js' in moduleFileExtensions. With jest's default order ('js' first) the first
 * test below fails, and so does the second after a build (`npm test` builds before running jest).
 */

const ROOT = path.resolve(__dirname, '..', '..');

describe('module resolution in tests, with compiled JavaScript beside the sources', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-resolution-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('an import without extension loads the .ts, not the .js beside it', () => {
    // GIVEN a module compiled in place whose .js says something else than its .ts
    fs.writeFileSync(path.join(dir, 'module.ts'), "export const loadedFrom: string = 'ts';\n");
    fs.writeFileSync(path.join(dir, 'module.js'), "exports.loadedFrom = 'js';\n");
    // WHEN a test imports it the way tests import lib/
    const loaded = require(path.join(dir, 'module'));
    // THEN the TypeScript source is what runs
    expect(loaded.loadedFrom).toBe('ts');
  });

  test('the library resolves to lib/index.ts', () => {
    expect(require.resolve('../../lib')).toBe(path.join(ROOT, 'lib', 'index.ts'));
  });
});
