// Small iSonen-shaped sheets for store tests: only the columns the tests
// are about, with the headers iSonen uses.

import type { SheetTable } from '../../shared/isonen/sheet';

export type SheetPerson = {
  first: string;
  last: string;
  personId: string;
  className: string;
  club?: string;
  status?: 'Påmeldt' | 'Avmeldt';
  registrationId?: string;
  birth?: string;
};

const headers = [
  'Fornavn',
  'Etternavn',
  'Fødselsdato',
  'Kjønn',
  'Klubb',
  'Øvelse',
  'Klasse',
  'Dato',
  'Påmeldings-ID',
  'Påmeldingsstatus',
  'Person ID',
];

export const sheetOf = (
  people: readonly SheetPerson[],
  fileName = 'deltakerliste.xlsx',
): SheetTable => ({
  fileName,
  sheetName: 'Deltakere',
  headers,
  headerRow: 1,
  rows: people.map((p, i) => ({
    row: i + 2,
    cells: [
      p.first,
      p.last,
      p.birth ?? '01.02.1990',
      p.className.startsWith('K') ? 'K' : 'M',
      p.club ?? '',
      '10 km',
      p.className,
      '14.06.2025',
      p.registrationId ?? `R${p.personId}`,
      p.status ?? 'Påmeldt',
      p.personId,
    ],
  })),
});

export const baseline: SheetPerson[] = [
  {
    first: 'Kari',
    last: 'Nordmann',
    personId: '1000001',
    className: 'K 30-34',
    club: 'IL Heming',
  },
  {
    first: 'Bjørn',
    last: 'Ås',
    personId: '1000002',
    className: 'M 30-34',
    club: 'Ready',
  },
  { first: 'Håkon', last: 'Bærum', personId: '1000003', className: 'M 30-34' },
  {
    first: 'Ola',
    last: 'Dunk',
    personId: '1000004',
    className: 'M 30-34',
    status: 'Avmeldt',
  },
  { first: 'Ingrid', last: 'Berg', personId: '1000005', className: 'K 30-34' },
];
