// The XML of a one-sheet workbook of text cells: a bold, frozen header row,
// column widths, and rows of inline strings (no shared-strings table to
// build in memory). The sheet comes out in chunks of about 256 KB so it
// streams into the zip; strings are built with plain concatenation, one
// per chunk, with no object per cell.

const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const pkgRelNs = 'http://schemas.openxmlformats.org/package/2006/relationships';
const docType = 'http://schemas.openxmlformats.org/officeDocument/2006';
const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const chunkChars = 256 * 1024;

// XML 1.0 has no place for most control characters; a cell pasted from
// somewhere odd must not make the file unreadable.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const special = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Text safe inside an XML element or a double-quoted attribute. */
export const escapeXml = (text: string): string => {
  if (!special.test(text) && !text.includes('"')) return text;
  return text
    .replace(forbidden, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
};

/** A, B, …, Z, AA, … for a 0-based column index. */
export const columnLetters = (index: number): string => {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
};

// Leading or trailing spaces and line breaks are dropped by Excel unless
// the text says to keep them.
const needsPreserve = (text: string) =>
  text.charCodeAt(0) <= 32 ||
  text.charCodeAt(text.length - 1) <= 32 ||
  text.includes('\n');

// Most cells are plain words: one test sends them straight through.
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const needsCare = /[&<>"\u0000-\u001f\ufffe\uffff]|^ | $/;

const cell = (ref: string, text: string, style: string): string =>
  needsCare.test(text)
    ? `<c r="${ref}"${style} t="inlineStr"><is><t${
        needsPreserve(text) ? ' xml:space="preserve"' : ''
      }>${escapeXml(text)}</t></is></c>`
    : `<c r="${ref}"${style} t="inlineStr"><is><t>${text}</t></is></c>`;

const rowXml = (
  letters: readonly string[],
  number: number,
  cells: readonly string[],
  style: string,
): string => {
  // A styled row carries its style itself too, so cells added later in
  // Excel match it.
  let xml =
    style === ''
      ? `<row r="${number}">`
      : `<row r="${number}"${style} customFormat="1">`;
  for (let i = 0; i < cells.length; i++) {
    const text = cells[i] ?? '';
    // Empty cells are left out, as Excel itself does; r says where the
    // next one goes.
    if (text !== '') xml += cell(`${letters[i]}${number}`, text, style);
  }
  return `${xml}</row>`;
};

export type SheetSource = {
  headers: readonly string[];
  widths: readonly number[];
  cells: () => Iterable<readonly string[]>;
};

const sheetHead = (source: SheetSource): string => {
  const cols = source.headers
    .map((_, i) => {
      const width = source.widths[i] ?? 12;
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
    })
    .join('');
  return (
    `${xmlHead}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}">` +
    // Printed landscape, as wide as one page, as long as it takes.
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols === '' ? '' : `<cols>${cols}</cols>`) +
    '<sheetData>'
  );
};

/** The sheet's XML in chunks; counts the data rows into `counter`. */
export function* sheetChunks(
  source: SheetSource,
  counter: { rows: number },
): Iterable<string> {
  const letters = source.headers.map((_, i) => columnLetters(i));
  let xml = sheetHead(source) + rowXml(letters, 1, source.headers, ' s="1"');
  let number = 1;
  for (const cells of source.cells()) {
    number++;
    xml += rowXml(letters, number, cells, '');
    if (xml.length >= chunkChars) {
      yield xml;
      xml = '';
    }
  }
  counter.rows = number - 1;
  yield `${xml}</sheetData>` +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" ' +
    'header="0.3" footer="0.3"/>' +
    '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '</worksheet>';
}

/** The parts around the sheet: content types, relations, workbook, styles. */
export const workbookParts = (sheetName: string): Record<string, string> => ({
  '[Content_Types].xml':
    `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '</Types>',
  '_rels/.rels':
    `${xmlHead}<Relationships xmlns="${pkgRelNs}">` +
    `<Relationship Id="rId1" Type="${docType}/relationships/officeDocument" Target="xl/workbook.xml"/>` +
    '</Relationships>',
  'xl/workbook.xml':
    `${xmlHead}<workbook xmlns="${mainNs}" xmlns:r="${relNs}">` +
    '<bookViews><workbookView/></bookViews>' +
    `<sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
    // The header row repeats on every printed page.
    '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">' +
    `'${escapeXml(sheetName.replaceAll("'", "''"))}'!$1:$1</definedName></definedNames>` +
    '</workbook>',
  'xl/_rels/workbook.xml.rels':
    `${xmlHead}<Relationships xmlns="${pkgRelNs}">` +
    `<Relationship Id="rId1" Type="${docType}/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${docType}/relationships/styles" Target="styles.xml"/>` +
    '</Relationships>',
  // Style 0 plain, style 1 bold (the header).
  'xl/styles.xml':
    `${xmlHead}<styleSheet xmlns="${mainNs}">` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
    '<fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>',
});
