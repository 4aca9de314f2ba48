// The columns of a 2025 iSonen participant export, in the order seen
// (DOMAIN.md), with Startnummer added as ski and running events have it.

export const isonenHeaders = [
  'Fornavn',
  'Etternavn',
  'E-post',
  'Land',
  'Landskode',
  'Fødselsdato',
  'Alder',
  'Mobil',
  'Kjønn',
  'Klubb',
  'Klubb-ID',
  'Gruppe-ID',
  'Krets/region',
  'Krets/region ID',
  'Kommentar',
  'Sport',
  'Øvelse',
  'Klasse',
  'Dato',
  'Kl.',
  'Sum',
  'Mva',
  'Lisens',
  'Helårslisens',
  'Engangslisens',
  'Påmeldt av',
  'E-post påmelder',
  'Påmelder betalte',
  'Påmelder betalte mva',
  'Betalt',
  'Transaksjons-ID',
  'Påmeldings-ID',
  'Påmeldingsstatus',
  'Påmeldt dato',
  'Påmeldt kl.',
  'Deltakerstatus',
  'Alle betalinger',
  'Buypass ID',
  'Person ID',
  'Påmeldingsavgift',
  'Påmeldingsavgift mva',
  'Markedskommunikasjon',
  'Mediesamtykke',
  'Startnummer',
] as const;

export type IsonenHeader = (typeof isonenHeaders)[number];

/** One export row as header -> cell text; absent headers are empty. */
export type ExportRow = Partial<Record<string, string>>;

/** Cells in the order of `headers`. */
export const rowCells = (
  headers: readonly string[],
  row: ExportRow,
): string[] => headers.map((header) => row[header] ?? '');

const headerIndex: ReadonlyMap<string, number> = new Map(
  isonenHeaders.map((header, index) => [header, index]),
);

/**
 * One row's cells in iSonen's column order from parts (the person's cells,
 * the registration's, the entry's): filled in place, because spreading
 * 45-key objects for 70,000 rows was most of the demo's time.
 */
export const isonenCells = (...parts: ExportRow[]): string[] => {
  const cells: string[] = new Array(isonenHeaders.length).fill('');
  for (const part of parts) {
    for (const header in part) {
      const index = headerIndex.get(header);
      if (index !== undefined) cells[index] = part[header] ?? '';
    }
  }
  return cells;
};
