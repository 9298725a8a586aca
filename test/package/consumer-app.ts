import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * A fresh CDK app that depends on the packed tarball the way a user's would. Its aws-cdk-lib and
 * constructs are links to this repo's copies (no network); nothing else is installed, so neither
 * esbuild nor any other bundler is reachable from it.
 */
export function installConsumerApp(dir: string, tarball: string): void {
  fs.mkdirSync(dir);
  const link = (name: string) => `file:${path.join(ROOT, 'node_modules', name)}`;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'consumer-app',
    private: true,
    dependencies: { 'aws-cdk-lib': link('aws-cdk-lib'), 'constructs': link('constructs') },
  }, null, 2));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The TypeScript source of the README's example marked `<!-- readme-example: NAME -->`. */
export function readmeExample(name: string): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const match = new RegExp(`<!-- readme-example: ${name} -->\\s*\`\`\`(?:ts|typescript)\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!match) throw new Error(`README.md has no TypeScript example marked 'readme-example: ${name}'`);
  return match[1];
}

/** The README's example marked `<!-- readme-example: NAME -->`, compiled to CommonJS. */
export function readmeExampleAsJs(name: string): string {
  return ts.transpileModule(readmeExample(name), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
}

/**
 * Runs `app.js` in `dir` with node alone, synthesizing into `outdir`. PATH points at an empty
 * directory: if synthesis tried to run esbuild, docker or any other program, it would fail.
 */
export function synthesizeWithoutTools(dir: string, outdir: string): void {
  const emptyBin = path.join(dir, 'empty-bin');
  fs.mkdirSync(emptyBin, { recursive: true });
  execFileSync(process.execPath, ['app.js'], {
    cwd: dir,
    env: { PATH: emptyBin, CDK_OUTDIR: outdir, HOME: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
