import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';

export const ROOT = path.resolve(__dirname, '..');
export const HANDLER_BUNDLE = path.join(ROOT, 'assets', 'handler', 'index.js');

/**
 * The library as an installed package is loaded: `lib/` compiled to CommonJS (one file per source,
 * not bundled) in `<workDir>/node_modules/cdk-connect-cases/`, beside `assets/handler/index.js`,
 * with its peer dependencies linked to this repo's. Installed under `node_modules` because CDK
 * treats frames from there as library code: the creation stack trace of every resource leaves
 * them out, as it would for an installed package. Transpiled with esbuild, so that the benchmark
 * measures the sources as they are now, whatever the state of the jsii build. Returns the
 * directory to `require()`.
 */
export async function buildLibrary(workDir: string): Promise<string> {
  if (!fs.existsSync(HANDLER_BUNDLE)) throw new Error(`${HANDLER_BUNDLE} is missing: run node scripts/bundle-handler.mjs`);
  const sources = listTypeScript(path.join(ROOT, 'lib'));
  const nodeModules = path.join(workDir, 'node_modules');
  const packageDir = path.join(nodeModules, 'cdk-connect-cases');
  await build({
    entryPoints: sources,
    outbase: ROOT,
    outdir: packageDir,
    bundle: false,
    platform: 'node',
    format: 'cjs',
    // What jsii's tsc emits (tsconfig.jsii.json: ES2020, so class fields are plain assignments).
    target: 'es2020',
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
    logLevel: 'warning',
  });
  fs.mkdirSync(path.join(packageDir, 'assets', 'handler'), { recursive: true });
  fs.copyFileSync(HANDLER_BUNDLE, path.join(packageDir, 'assets', 'handler', 'index.js'));
  // Node.js resolves symbolic links to real paths, so the app and the library share one aws-cdk-lib.
  for (const peer of ['aws-cdk-lib', 'constructs']) {
    fs.symlinkSync(path.join(ROOT, 'node_modules', peer), path.join(nodeModules, peer), 'dir');
  }
  return path.join(packageDir, 'lib');
}

function listTypeScript(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTypeScript(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}
