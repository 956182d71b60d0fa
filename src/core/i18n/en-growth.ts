// English catalogue, continued: the register that grows with the years (issue 22).
export const enGrowth = {
  'register.yearMissing': 'register {path} is missing its {year} data file {file} ({detail}); nothing was changed. {backupHint}',
  'register.yearHash': "register {path}: the {year} data file {file} does not match the register's checksum ({detail}); it may have been changed outside itplan. Nothing was changed. {backupHint}",
  'register.yearJson': 'register {path}: the {year} data file {file} is corrupt ({detail}); nothing was changed. {backupHint}',
  'register.scopeViolation': 'internal error: this change touches {year} data that was not read; abandoned, nothing written. Please report this to the maintainers',
  'journal.summary.registerLayout': 'the single register file of schema {from} moved to one file per year: {years} years, {projects} projects, {plans} plans; the old file is kept as a backup',
  'journal.action.register-layout': 'register moved to one file per year',
  'doctor.yearFilesOk': 'year files: {count}, all matching the register',
  'doctor.yearFilesUnreferenced': '{count} year files belong to neither the register nor any backup (left by interrupted writes); the next change removes them: {files}',
} as const
