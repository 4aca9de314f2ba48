// Small export tables for tests: one valid row to start from, and tables
// with the problems the import must report. The one place test data for
// the import is made.

import type { SheetTable } from '../isonen/sheet';
import { type ExportRow, isonenHeaders, rowCells } from './exportColumns';

/**
 * A valid export row for person number `n` (distinct ids and names per n),
 * with `overrides` on top.
 */
export const exportRow = (n = 1, overrides: ExportRow = {}): ExportRow => ({
  Fornavn: `Kari ${n}`,
  Etternavn: 'Nordmann',
  'E-post': `kari${n}@example.no`,
  Land: 'Norge',
  Landskode: 'NOR',
  Fødselsdato: '14.03.1990',
  Alder: '35 år',
  Mobil: '41234567',
  Kjønn: 'K',
  Klubb: 'IL Gneist',
  'Klubb-ID': '100234',
  'Krets/region': 'Vestland Friidrettskrets',
  Sport: 'Friidrett',
  Øvelse: '5 km',
  Klasse: 'K Senior',
  Dato: '14.06.2025',
  'Kl.': '12:00',
  Sum: '300,00',
  Mva: '0,00',
  Lisens: 'J',
  Helårslisens: '12345678',
  'Påmeldt av': `Kari ${n} Nordmann`,
  'E-post påmelder': `kari${n}@example.no`,
  'Påmelder betalte': '325,00',
  'Påmelder betalte mva': '0,00',
  Betalt: 'Ja',
  'Transaksjons-ID': String(40_000_000_000 + n),
  'Påmeldings-ID': `REG${n}`,
  Påmeldingsstatus: 'Påmeldt',
  'Påmeldt dato': '02.05.2025',
  'Påmeldt kl.': '20:15',
  Deltakerstatus: 'Ikke sjekket inn',
  'Alle betalinger': '02.05.2025 20:15 Vipps 325,00',
  'Buypass ID': String(310_000_000 + n),
  'Person ID': String(1_200_000 + n),
  Påmeldingsavgift: '25,00',
  Markedskommunikasjon: 'Ja',
  Mediesamtykke: 'Ja',
  ...overrides,
});

/** A row that only continues "Alle betalinger" of the row above. */
export const paymentSpillRow = (line: string): ExportRow => ({
  'Alle betalinger': line,
});

export type TableOptions = {
  headers?: readonly string[];
  fileName?: string;
  /** Row number of the first data row; the header sits just above. */
  firstRow?: number;
};

/** A sheet with iSonen's columns (or `headers`) holding `rows`. */
export const exportTable = (
  rows: readonly ExportRow[],
  options: TableOptions = {},
): SheetTable => {
  const headers = options.headers ?? isonenHeaders;
  const firstRow = options.firstRow ?? 2;
  return {
    fileName: options.fileName ?? 'deltakerliste.xlsx',
    sheetName: 'Deltakere',
    headers: [...headers],
    headerRow: firstRow - 1,
    rows: rows.map((row, index) => ({
      row: firstRow + index,
      cells: rowCells(headers, row),
    })),
  };
};

/** iSonen's headers without the given ones (columns an event dropped). */
export const headersWithout = (...dropped: string[]): string[] =>
  isonenHeaders.filter((header) => !dropped.includes(header));

/** Some other spreadsheet: a club's member list. */
export const memberList = (): SheetTable =>
  exportTable(
    [
      { Navn: 'Kari Nordmann', Telefon: '41234567', Medlemsnummer: '17' },
      { Navn: 'Ola Nordmann', Telefon: '91234567', Medlemsnummer: '18' },
    ],
    { headers: ['Navn', 'Telefon', 'Medlemsnummer'] },
  );

/**
 * One row for each error the import reports, after two good rows:
 * row 4 has no name, 5 an impossible birth date, 6 an unknown gender,
 * 7 repeats row 2's person and exercise, 8 an unknown status (a warning).
 */
export const exportWithProblems = (): SheetTable =>
  exportTable([
    exportRow(1),
    exportRow(2),
    exportRow(3, { Fornavn: '', Etternavn: '' }),
    exportRow(4, { Fødselsdato: '31.02.1990' }),
    exportRow(5, { Kjønn: 'X' }),
    exportRow(1, { 'Påmeldings-ID': 'REG1B' }),
    exportRow(6, { Påmeldingsstatus: 'Venteliste' }),
  ]);
