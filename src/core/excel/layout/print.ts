// How a sheet prints, for every workbook the tool writes: the template's paper and orientation, every column on
// one page width, the header rows repeated on each page, and the page header and footer (with their section
// codes, so Excel, WPS and LibreOffice put them in the same place).
import type {AddWorksheetOptions} from 'exceljs'
import type {PrintSpec} from './template-schema.js'

/** `titleRows`: the rows printed at the top of every page (the header), as first and last row numbers. */
export function printOptions(print: PrintSpec, titleRows: {first: number; last: number} | null): Pick<AddWorksheetOptions, 'pageSetup' | 'headerFooter'> {
  return {
    pageSetup: {
      // a plain number: exceljs's PaperSize enum leaves out A3 (8), which Excel knows
      paperSize: print.paperSize as number,
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.fitToWidth,
      fitToHeight: print.fitToHeight,
      margins: print.margins,
      horizontalCentered: true,
      ...(titleRows === null ? {} : {printTitlesRow: `${titleRows.first}:${titleRows.last}`}),
    },
    headerFooter: {...(print.header === undefined ? {} : {oddHeader: print.header}), oddFooter: print.footer},
  }
}
