// The paths a clerk gives `import`: files, folders (searched recursively) and globs (expanded here too, since
// Windows shells do not). Our own error workbooks and Office lock files are never taken as declarations.
import fs from 'node:fs/promises'
import path from 'node:path'

export const DECLARATION_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.et', '.csv', '.tsv']

/** Office lock files and the error workbooks this tool writes are never declarations. */
function isGenerated(file: string): boolean {
  const base = path.basename(file)
  return base.startsWith('~$') || base.startsWith('.~lock') || base.endsWith('.errors.xlsx')
}

function isCandidate(file: string): boolean {
  return !isGenerated(file) && DECLARATION_EXTENSIONS.includes(path.extname(path.basename(file)).toLowerCase())
}

/** A symbolic link met inside a folder, reported and not followed. */
export interface SkippedLink {
  path: string
  /** what the link says it points to (as written in the link) */
  target: string
  reason: 'symlink'
}

/**
 * Declarations under `dir`. Symbolic links are not followed — a link to a folder could lead out of the folder
 * given, or round in a loop — but none is passed over in silence: a link named like a declaration, or pointing to a
 * folder, goes to `links`, and the summary says so (name its target to import it).
 */
async function walk(dir: string, found: string[], links: SkippedLink[]): Promise<void> {
  const entries = await fs.readdir(dir, {withFileTypes: true})
  entries.sort((a, b) => a.name.localeCompare(b.name, 'zh'))
  for (const e of entries) {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) await walk(full, found, links)
    else if (e.isFile() && isCandidate(full)) found.push(full)
    else if (e.isSymbolicLink() && (isCandidate(full) || (await fs.stat(full).catch(() => null))?.isDirectory())) {
      links.push({path: full, target: await fs.readlink(full).catch(() => '?'), reason: 'symlink'})
    }
  }
}

function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*'
      i++
      if (glob[i + 1] === '/' || glob[i + 1] === '\\') i++
    } else if (c === '*') re += '[^/\\\\]*'
    else if (c === '?') re += '[^/\\\\]'
    else if (c === '/' || c === '\\') re += '[/\\\\]'
    else re += c.replace(/[.+^${}()|[\]]/g, '\\$&')
  }
  return new RegExp(`^${re}$`, 'i')
}

export interface ExpandedInputs {
  files: string[]
  /** paths that matched nothing */
  missing: string[]
  /** Office lock files and our own error workbooks named explicitly (a shell expands *.xlsx to them too) */
  ignored: string[]
  /** symbolic links met inside folders (a link named on the command line is read like any file) */
  links: SkippedLink[]
}

export async function expandInputs(args: string[], cwd = process.cwd()): Promise<ExpandedInputs> {
  const files: string[] = []
  const missing: string[] = []
  const ignored: string[] = []
  const links: SkippedLink[] = []
  for (const arg of args) {
    const abs = path.resolve(cwd, arg)
    if (/[*?]/.test(arg)) {
      const parts = abs.split(/[/\\]/)
      const firstWild = parts.findIndex((p) => /[*?]/.test(p))
      const base = parts.slice(0, firstWild).join(path.sep) || path.sep
      const all: string[] = []
      const allLinks: SkippedLink[] = []
      await walk(base, all, allLinks).catch(() => undefined)
      const re = globToRegExp(parts.slice(firstWild).join('/'))
      const matches = (f: string) => re.test(path.relative(base, f).split(path.sep).join('/'))
      const matched = all.filter(matches)
      const matchedLinks = allLinks.filter((l) => matches(l.path))
      if (matched.length === 0 && matchedLinks.length === 0) missing.push(arg)
      files.push(...matched)
      links.push(...matchedLinks)
      continue
    }
    const stat = await fs.stat(abs).catch(() => null)
    if (!stat) missing.push(arg)
    else if (stat.isDirectory()) await walk(abs, files, links)
    else if (isGenerated(abs)) ignored.push(abs)
    else files.push(abs)
  }
  return {files: [...new Set(files)], missing, ignored, links: [...new Map(links.map((l) => [l.path, l])).values()]}
}
