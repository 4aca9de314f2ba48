// Builds a small .xlsx from hand-written parts, for tests that need XML no
// writer we have produces (missing r attributes, booleans, errors,
// phonetic runs). Deflated entries with real CRCs, so exceljs reads it too.

import { crc32, deflateRawSync } from 'node:zlib';

type Part = { name: string; data: Uint8Array; packed: Uint8Array };

const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];

const localHeader = (part: Part, name: Uint8Array) => [
  ...u32(0x04034b50),
  ...u16(20),
  ...u16(0),
  ...u16(8),
  ...u32(0),
  ...u32(crc32(part.data)),
  ...u32(part.packed.length),
  ...u32(part.data.length),
  ...u16(name.length),
  ...u16(0),
];

const centralHeader = (part: Part, name: Uint8Array, offset: number) => [
  ...u32(0x02014b50),
  ...u16(20),
  ...u16(20),
  ...u16(0),
  ...u16(8),
  ...u32(0),
  ...u32(crc32(part.data)),
  ...u32(part.packed.length),
  ...u32(part.data.length),
  ...u16(name.length),
  ...u16(0),
  ...u16(0),
  ...u16(0),
  ...u16(0),
  ...u32(0),
  ...u32(offset),
];

/** A zip holding each part (path to text) deflated. */
export const handZip = (parts: Record<string, string>): Uint8Array => {
  const encoder = new TextEncoder();
  const local: number[] = [];
  const central: number[] = [];
  for (const [path, text] of Object.entries(parts)) {
    const data = encoder.encode(text);
    const part = { name: path, data, packed: deflateRawSync(data) };
    const name = encoder.encode(path);
    central.push(...centralHeader(part, name, local.length), ...name);
    local.push(...localHeader(part, name), ...name, ...part.packed);
  }
  const count = Object.keys(parts).length;
  const end = [
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(count),
    ...u16(count),
    ...u32(central.length),
    ...u32(local.length),
    ...u16(0),
  ];
  return new Uint8Array([...local, ...central, ...end]);
};

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet workbook around the given sheetData body. */
export const handWorkbook = (options: {
  sheetData: string;
  sharedStrings?: string[];
  styles?: string;
  /** Dates count from 1904-01-01, as in old Mac workbooks. */
  date1904?: boolean;
}): Record<string, string> => ({
  '[Content_Types].xml':
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${main}" xmlns:r="${rel}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="Ark &amp; 1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  ...(options.sharedStrings
    ? {
        'xl/sharedStrings.xml': `<?xml version="1.0"?><sst xmlns="${main}">${options.sharedStrings.map((item) => `<si>${item}</si>`).join('')}</sst>`,
      }
    : {}),
  ...(options.styles
    ? {
        'xl/styles.xml': `<?xml version="1.0"?><styleSheet xmlns="${main}">${options.styles}</styleSheet>`,
      }
    : {}),
  'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="${main}"><sheetData>${options.sheetData}</sheetData></worksheet>`,
});
