import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * What `npm pack` needs to build the package from source (jsii, then the bundles). The build runs in
 * a copy so that it never rewrites lib/*.js, .jsii or assets/ under tests that run at the same time
 * in this repo.
 */
const BUILD_INPUTS = ['package.json', 'README.md', 'LICENSE', 'API.md', 'CHANGELOG.md', 'lib', 'lambda', 'scripts'];
/** Sources of build steps that may not exist yet (the CLI bundle is built only when its script is there). */
const OPTIONAL_BUILD_INPUTS = ['cli'];

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
  for (const input of [...BUILD_INPUTS, ...OPTIONAL_BUILD_INPUTS]) {
    const from = path.join(ROOT, input);
    if (!fs.existsSync(from)) {
      if (OPTIONAL_BUILD_INPUTS.includes(input)) continue;
      throw new Error(`cannot pack: ${from} is missing`);
    }
    // Sources only: a build of this repo may have left jsii's output beside them, and the packed
    // files must come from the build that prepack runs in the copy.
    fs.cpSync(from, path.join(source, input), { recursive: true, filter: (file) => !isBuildOutput(file) });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(source, 'node_modules'), 'dir');

  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], {
    cwd: source, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Lifecycle scripts (prepack) print to stdout before npm's JSON.
  const [packed] = JSON.parse(output.slice(output.indexOf('[\n'))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  return { tarball: path.join(workDir, packed.filename), files: packed.files.map((f) => f.path).sort() };
}

function isBuildOutput(file: string): boolean {
  const relative = path.relative(ROOT, file);
  return relative.startsWith(`lib${path.sep}`) && (relative.endsWith('.js') || relative.endsWith('.d.ts'));
}
