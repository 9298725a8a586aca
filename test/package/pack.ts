import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * What `npm pack` needs to build the package from source. The build runs in a copy so that it
 * never rewrites dist/ or assets/handler/ under tests that run at the same time in this repo.
 */
const BUILD_INPUTS = ['package.json', 'README.md', 'LICENSE', 'API.md', 'tsconfig.json', 'tsconfig.build.json', 'lib', 'lambda', 'scripts'];

export interface PackedTarball {
  /** Absolute path of the .tgz. */
  readonly tarball: string;
  /** Paths inside the package, as npm lists them. */
  readonly files: string[];
}

/** Copies the sources to `workDir/source`, runs `npm pack` there (its prepack builds) and returns the tarball. */
export function packFromSource(workDir: string): PackedTarball {
  const source = path.join(workDir, 'source');
  fs.mkdirSync(source);
  for (const input of BUILD_INPUTS) {
    const from = path.join(ROOT, input);
    if (!fs.existsSync(from)) throw new Error(`cannot pack: ${from} is missing`);
    fs.cpSync(from, path.join(source, input), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(source, 'node_modules'), 'dir');

  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], {
    cwd: source, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Lifecycle scripts (prepack) print to stdout before npm's JSON.
  const [packed] = JSON.parse(output.slice(output.indexOf('[\n'))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  return { tarball: path.join(workDir, packed.filename), files: packed.files.map((f) => f.path).sort() };
}
