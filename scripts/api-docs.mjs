// Generates API.md, the API reference, from the jsii assembly (.jsii, written by `npm run build`)
// with jsii-docgen: the TypeScript reference, then the Python one (names, types and signatures as
// a Python user writes them). With --check, regenerates in memory and fails when the committed
// API.md differs, so that CI catches a reference gone stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Documentation, Language } from 'jsii-docgen';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const committed = path.join(root, 'API.md');
const HEADER = [
  '<!-- Generated from the jsii assembly (the doc comments in lib/) by `npm run docs`. Do not edit by hand. -->',
  '',
  'Reference for [TypeScript](#api-reference-typescript) and [Python](#api-reference-python).',
  'Java, C# and Go use the same names (as each language spells them).',
  '',
  '',
].join('\n');

const LANGUAGES = [
  { language: Language.TYPESCRIPT, title: 'TypeScript', anchorPrefix: '' },
  // The same anchors appear in both references; the Python one gets its own so its links stay in it.
  { language: Language.PYTHON, title: 'Python', anchorPrefix: 'python-' },
];

async function generate() {
  if (!fs.existsSync(path.join(root, '.jsii'))) {
    throw new Error('no .jsii assembly: run `npm run build` first (`npm run docs` builds)');
  }
  const docs = await Documentation.forProject(root);
  try {
    const parts = [];
    for (const { language, title, anchorPrefix } of LANGUAGES) {
      const markdown = (await docs.toMarkdown({ language, readme: false, allSubmodules: true })).render();
      parts.push(withAnchorPrefix(retitled(markdown, title), anchorPrefix).trimEnd() + '\n');
    }
    return HEADER + parts.join('\n');
  } finally {
    await docs.cleanup();
  }
}

/** docgen's title is `# API Reference <a name="API Reference" id="api-reference"></a>`: one per language here. */
function retitled(markdown, title) {
  const [first, ...rest] = markdown.split('\n');
  if (!first.startsWith('# API Reference')) throw new Error(`unexpected first line from jsii-docgen: ${first}`);
  const id = `api-reference-${title.toLowerCase()}`;
  return [`# API Reference: ${title} <a name="${id}" id="${id}"></a>`, ...rest].join('\n');
}

function withAnchorPrefix(markdown, prefix) {
  if (!prefix) return markdown;
  return markdown
    .replace(/ id="(?!api-reference-)([^"]+)"/g, ` id="${prefix}$1"`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}$1"`);
}

const generated = await generate();
if (process.argv.includes('--check')) {
  const current = fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : '';
  if (current !== generated) {
    console.error('API.md is out of date with the jsii assembly (the doc comments in lib/): run `npm run docs` and commit API.md.');
    process.exit(1);
  }
  console.log('API.md is up to date.');
} else {
  fs.writeFileSync(committed, generated);
  console.log(`wrote ${path.relative(process.cwd(), committed) || committed}`);
}
