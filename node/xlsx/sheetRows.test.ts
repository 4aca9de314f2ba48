import { describe, expect, it } from 'vitest';

import { handWorkbook, handZip } from './handZip';
import { readSheet, readSheetWith } from './readSheet';
import { type RawRow, sheetRows } from './sheetRows';
import type { WorkbookIndex } from './workbookIndex';
import { attribute, decodeXml, stringItemText } from './xmlText';

const readHand = async (parts: Parameters<typeof handWorkbook>[0]) => {
  const result = await readSheet(handZip(handWorkbook(parts)), 'hand.xlsx');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const header =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Fornavn</t></is></c><c r="B1" t="inlineStr"><is><t>Verdi</t></is></c></row>';

describe('the fast sheet reader', () => {
  it('places cells and rows without r attributes after the previous one', async () => {
    const table = await readHand({
      sheetData: `${header}<row><c t="inlineStr"><is><t>Kari</t></is></c><c><v>7</v></c></row><row r="5"><c r="B5"><v>9</v></c></row><row><c t="inlineStr"><is><t>Ola</t></is></c></row>`,
    });
    expect(table.rows).toEqual([
      { row: 2, cells: ['Kari', '7'] },
      { row: 5, cells: ['', '9'] },
      { row: 6, cells: ['Ola', ''] },
    ]);
  });

  it('reads booleans, errors, formula text and uncalculated formulas', async () => {
    const table = await readHand({
      sheetData: `${header}<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#N/A</v></c></row><row r="3"><c r="A3" t="str"><f>A1&amp;"x"</f><v>Fornavn&amp;x</v></c><c r="B3"><f>B2+1</f></c></row>`,
    });
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['TRUE', '#N/A'],
      ['Fornavn&x', ''],
    ]);
  });

  it('shows numbers under built-in and custom date formats as dates and times', async () => {
    const table = await readHand({
      styles:
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd&quot;.&quot;mm&quot;.&quot;yyyy"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="20"/><xf numFmtId="164"><alignment/></xf><xf numFmtId="2"/></cellXfs>',
      sheetData: `${header}<row r="2"><c r="A2" s="1"><v>33000</v></c><c r="B2" s="2"><v>0.5104166666666666</v></c></row><row r="3"><c r="A3" s="3"><v>45000</v></c><c r="B3" s="4"><v>1234.5</v></c></row>`,
    });
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['07.05.1990', '12:15'],
      ['15.03.2023', '1234.5'],
    ]);
  });

  it('counts dates from 1904 in a workbook that says so', async () => {
    const table = await readHand({
      date1904: true,
      styles:
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
      sheetData: `${header}<row r="2"><c r="A2" s="1"><v>0</v></c><c r="B2" s="1"><v>31538</v></c></row>`,
    });
    expect(table.rows[0]?.cells).toEqual(['01.01.1904', '07.05.1990']);
  });

  it('joins rich-text runs, leaves out phonetic runs and decodes entities', async () => {
    const table = await readHand({
      sharedStrings: [
        '<t>Fornavn</t>',
        '<t>Verdi</t>',
        '<r><rPr><b/></rPr><t xml:space="preserve">Åse </t></r><r><t>&amp; &#248;&#x6C;</t></r><rPh sb="0" eb="1"><t>x</t></rPh>',
      ],
      sheetData:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><r><t>Hei </t></r><r><t>du</t></r></is></c></row>',
    });
    expect(table.sheetName).toBe('Ark & 1');
    expect(table.rows).toEqual([{ row: 2, cells: ['Åse & øl', 'Hei du'] }]);
  });

  it('reads rows split anywhere between chunks as when read whole', async () => {
    const sheet = handWorkbook({
      sheetData: `${header}<row r="2" spans="1:2"><c r="A2" t="inlineStr"><is><t>Kari Nordmann med et langt navn</t></is></c><c r="B2"><v>1</v></c></row><row r="3"/><row r="4"><c r="B4"><v>2</v></c></row>`,
    })['xl/worksheets/sheet1.xml'];
    const index: WorkbookIndex = {
      sheets: [],
      sharedStrings: [],
      dateFormats: [],
      date1904: false,
    };
    const collect = async (chunks: string[]) => {
      const rows: RawRow[] = [];
      for await (const batch of sheetRows(
        (async function* () {
          yield* chunks;
        })(),
        index,
      )) {
        rows.push(...batch);
      }
      return rows;
    };
    const whole = await collect([sheet ?? '']);
    expect(whole).toHaveLength(3);
    for (const size of [1, 3, 7, 50]) {
      const chunks = (sheet ?? '').match(
        new RegExp(`[\\s\\S]{1,${size}}`, 'g'),
      );
      expect(await collect(chunks ?? [])).toEqual(whole);
    }
  });

  it('reads a hand-made file as the exceljs reader does where both agree', async () => {
    const bytes = handZip(
      handWorkbook({
        sharedStrings: ['<t>Fornavn</t>', '<t>Verdi &amp; mer</t>'],
        sheetData:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Kari</t></is></c><c r="B3"><v>-0.25</v></c></row>',
      }),
    );
    const fast = await readSheetWith('fast', bytes, 'hand.xlsx');
    expect(fast.ok).toBe(true);
    expect(fast).toEqual(await readSheetWith('exceljs', bytes, 'hand.xlsx'));
  });
});

describe('xmlText', () => {
  it('decodes named, decimal and hex references and leaves unknown ones', () => {
    expect(decodeXml('a &lt;b&gt; &amp;&quot;&apos; &#229;&#xF8; &nbsp;')).toBe(
      'a <b> &"\' åø &nbsp;',
    );
  });

  it('finds attributes by whole name with either quote', () => {
    const tag = `<c xr="X1" ref='B2' r = 'C3' s="4">`;
    expect(attribute(tag, 'r')).toBe('C3');
    expect(attribute(tag, 's')).toBe('4');
    expect(attribute(tag, 't')).toBeNull();
  });

  it('reads an empty string item as empty text', () => {
    expect(stringItemText('<t/>')).toBe('');
  });
});
