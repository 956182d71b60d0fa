// The declaration template's own hidden sheet: which dictionary made the template (template.ts writes it). Every
// template a unit fills and returns still has it, so the reader passes over it without a word.
export const STAMP_SHEET = '_itplan'

/** The template's stamp, not a sheet of the unit's: hidden, and named as template.ts names it. */
export function isTemplateStamp(sheet: {name: string; hidden: boolean}): boolean {
  return sheet.hidden && sheet.name === STAMP_SHEET
}
