// data/ and templates/ ship beside the code; find them from this module whether it runs from src/ (tsx) or dist/.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

let root: string | null = null

export function packageRoot(): string {
  if (root) return root
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('itplan: package.json not found above ' + fileURLToPath(import.meta.url))
    dir = parent
  }
  root = dir
  return root
}

export function readPackageJson<T>(...segments: string[]): T {
  return JSON.parse(fs.readFileSync(path.join(packageRoot(), ...segments), 'utf8')) as T
}
