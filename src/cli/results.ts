// The pieces of `--json` output that many commands share. Each command exports its own `<Topic><Verb>Result`
// beside it; `npm run schemas` turns those types into schemas/*.json, and test/cli/schemas.test.ts holds the real
// output to them (DESIGN §5: fields are added, never removed or retyped).
import type {FieldProblem, Params} from '../core/domain/errors.js'

/** A notice (DESIGN §11.7) as --json prints it: its code and the sentence the clerk reads. */
export interface RenderedNotice {
  code: string
  message: string
}

/** A result with the notices of everything else the step changed beside its fields. */
export type WithNotices<R> = R & {notices: RenderedNotice[]}

/** The error object of every failing command under --json. */
export interface ErrorBody {
  code: string
  message: string
  exitCode: number
  /** invalid input: each problem, with its sentence */
  problems?: Array<FieldProblem & {message: string}>
  /** an illegal state change: the project, its status and the steps allowed from it */
  projectId?: string
  from?: string
  allowed?: string[]
  /** any other refusal of the core: the values its message was built from */
  params?: Params
}

/** What stdout holds when a command fails under --json (DESIGN §5). */
export interface ErrorResult {
  error: ErrorBody
}
