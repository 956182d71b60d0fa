#!/usr/bin/env node
// Bundles the compiled CLI (dist/) into dist/bundle/ with esbuild: a clerk runs dozens of short commands a day,
// and resolving and compiling ~150 separate modules costs more than the command itself. Every command is listed
// in one entry (oclif's "explicit" command discovery); modules that only some commands need (exceljs, the
// spreadsheet reader, prompts) are loaded with import() and land in chunks that other commands never read.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'dist')
const commandsDir = path.join(dist, 'commands')

const files = []
;(function walk(dir) {
  for (const e of fs.readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) walk(full)
    else if (e.name.endsWith('.js')) files.push(full)
  }
})(commandsDir)
files.sort()

// the help class (package.json oclif.helpClass) comes from the same bundle
const lines = ["export {execute} from '@oclif/core'", "export {default as ItplanHelp} from './cli/help.js'"]
const entries = []
files.forEach((file, i) => {
  const id = path.relative(commandsDir, file).replace(/\.js$/, '').split(path.sep).join(':')
  lines.push(`import C${i} from './${path.relative(dist, file).split(path.sep).join('/')}'`)
  entries.push(`${JSON.stringify(id)}: C${i}`)
})
lines.push(`export const COMMANDS = {${entries.join(', ')}}`)
fs.writeFileSync(path.join(dist, 'entry.js'), lines.join('\n') + '\n')

fs.rmSync(path.join(dist, 'bundle'), {recursive: true, force: true})
await build({
  // the worker thread that parses large sheets (src/core/excel/read/sheet-worker.ts) is an entry of its own
  entryPoints: {itplan: path.join(dist, 'entry.js'), 'sheet-worker': path.join(dist, 'core/excel/read/sheet-worker.js')},
  outdir: path.join(dist, 'bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // exceljs is big and only export/import need it; typescript is oclif's optional dev-mode loader.
  external: ['typescript', '@inquirer/prompts'],
  // CommonJS dependencies expect require, __filename and __dirname, which ES modules do not have.
  banner: {
    js: [
      "import {createRequire as __itplanRequire} from 'node:module';",
      "import {fileURLToPath as __itplanPath} from 'node:url';",
      "import {dirname as __itplanDir} from 'node:path';",
      'const require = __itplanRequire(import.meta.url);',
      'const __filename = __itplanPath(import.meta.url);',
      'const __dirname = __itplanDir(__filename);',
    ].join(' '),
  },
  legalComments: 'none',
  logLevel: 'warning',
})
console.error(`dist/bundle: ${files.length} commands`)
