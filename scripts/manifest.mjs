#!/usr/bin/env node
// Writes oclif.manifest.json after the build, so that oclif finds a command without importing every command
// module (what the `oclif manifest` tool does, without installing the oclif CLI and its dependencies).
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Plugin} from '@oclif/core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const file = path.join(root, 'oclif.manifest.json')
fs.rmSync(file, {force: true})
const plugin = new Plugin({root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true})
await plugin.load()
fs.writeFileSync(file, JSON.stringify(plugin.manifest, null, 2) + '\n')
console.error(`oclif.manifest.json: ${Object.keys(plugin.manifest.commands).length} commands`)
