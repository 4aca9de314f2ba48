// Test data for e2e: a made-up iSonen export written as a real .xlsx, and
// the people in it the flow needs (picked by what they are, not by row).

import { writeSheet } from '../node/xlsx/writeSheet';
import { demoExport } from '../shared/demo/demoExport';
import type { SheetTable } from '../shared/isonen/sheet';

export type ExportPerson = {
  personId: string;
  firstName: string;
  lastName: string;
  className: string;
  registrationIds: string[];
};

export type ExportFile = {
  path: string;
  table: SheetTable;
  people: ExportPerson[];
  /** The people (person ids) each registration id covers. */
  registrations: Map<string, Set<string>>;
};

const cell = (table: SheetTable, cells: string[], header: string) =>
  cells[table.headers.indexOf(header)] ?? '';

const activePeople = (table: SheetTable): ExportPerson[] => {
  const people = new Map<string, ExportPerson>();
  for (const { cells } of table.rows) {
    const personId = cell(table, cells, 'Person ID');
    const status = cell(table, cells, 'Påmeldingsstatus');
    if (personId === '' || status !== 'Påmeldt') continue;
    const person = people.get(personId) ?? {
      personId,
      firstName: cell(table, cells, 'Fornavn'),
      lastName: cell(table, cells, 'Etternavn'),
      className: cell(table, cells, 'Klasse'),
      registrationIds: [],
    };
    const registrationId = cell(table, cells, 'Påmeldings-ID');
    if (!person.registrationIds.includes(registrationId)) {
      person.registrationIds.push(registrationId);
    }
    people.set(personId, person);
  }
  return [...people.values()];
};

export const writeExportFile = async (
  path: string,
  participants: number,
  seed = 2025,
): Promise<ExportFile> => {
  const table = demoExport({ participants, seed });
  await writeSheet(table, path);
  const registrations = new Map<string, Set<string>>();
  for (const { cells } of table.rows) {
    const id = cell(table, cells, 'Påmeldings-ID');
    const people = registrations.get(id) ?? new Set();
    people.add(cell(table, cells, 'Person ID'));
    registrations.set(id, people);
  }
  return { path, table, people: activePeople(table), registrations };
};

export const fullName = (person: ExportPerson) =>
  `${person.firstName} ${person.lastName}`;

/** The name as typed on a keyboard without æ, ø, å or accents. */
export const typedPlain = (text: string) =>
  text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'aa')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');

export const hasNorwegianLetters = (person: ExportPerson) =>
  /[æøå]/i.test(fullName(person));
