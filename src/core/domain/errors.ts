// Errors carry a catalogue key and parameters, never user text: the CLI renders them in the clerk's language
// and maps each class to its exit code (DESIGN §5).

export type Params = Record<string, string | number | boolean | null | undefined | Array<string | number>>

export abstract class ItplanError extends Error {
  abstract readonly exitCode: number
  constructor(
    readonly code: string,
    readonly params: Params = {},
  ) {
    super(code)
    this.name = new.target.name
  }
}

/** Exit 2: a flag or argument the command cannot use. */
export class UsageError extends ItplanError {
  readonly exitCode = 2
}

/** A problem with one field of one record. `field` is the identifier (DESIGN §2). */
export interface FieldProblem {
  field: string
  code: string
  params: Params
  /** the article of the regulation the rule comes from, if any */
  article?: number
}

/** Exit 3 (data) or 2 (when it came from flags): invalid values, nothing written. */
export class InvalidInput extends ItplanError {
  readonly exitCode: number
  constructor(
    readonly problems: FieldProblem[],
    fromFlags = false,
  ) {
    super('error.invalidInput', {count: problems.length})
    this.exitCode = fromFlags ? 2 : 3
  }
}

/** Exit 3: a whole input file refused (import). */
export class InvalidData extends ItplanError {
  readonly exitCode = 3
}

/** Exit 4: the project's status does not allow this step. */
export class IllegalTransition extends ItplanError {
  readonly exitCode = 4
  constructor(
    readonly projectId: string,
    readonly from: string,
    readonly action: string,
    readonly allowed: string[],
    readonly detail?: {code: string; params: Params},
  ) {
    super('error.illegalTransition', {projectId, from, action, allowed})
  }
}

/** Exit 4: a conflict with the register's state (not found ids are usage errors). */
export class Conflict extends ItplanError {
  readonly exitCode = 4
}

/** Exit 5 */
export class RegisterBusy extends ItplanError {
  readonly exitCode = 5
}

/** Exit 6: never overwritten. */
export class RegisterUnreadable extends ItplanError {
  readonly exitCode = 6
}

/** Exit 1: the disk refused a write (full, read-only, no permission); the register is left as it was. */
export class StorageFailure extends ItplanError {
  readonly exitCode = 1
}
