import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  exportRow,
  exportTable,
  exportWithProblems,
  headersWithout,
  memberList,
  paymentSpillRow,
} from '../demo/badExport';
import { demoExport } from '../demo/demoExport';
import { foldSheet } from './fold';

const now = '2025-06-01T10:00:00.000Z';
const fold = (table: Parameters<typeof foldSheet>[0], skip: number[] = []) =>
  foldSheet(table, { eventId: 'ev1', now, skipRows: new Set(skip) });

describe('foldSheet', () => {
  it('folds the rows of one person into one participant', () => {
    const result = fold(
      exportTable([
        exportRow(1),
        exportRow(1, { Øvelse: '10 km', Sum: '350,00' }),
        exportRow(2),
      ]),
    );
    expect(result.participants.map((p) => p.id)).toEqual([
      'p1200001',
      'p1200002',
    ]);
    const kari = result.participants[0];
    expect(kari?.entries.map((e) => [e.exercise, e.fee, e.sourceRow])).toEqual([
      ['5 km', 30000, 2],
      ['10 km', 35000, 3],
    ]);
    expect(kari?.registrations).toHaveLength(1);
    expect(result.counts).toEqual({
      rows: 3,
      participants: 2,
      entries: 3,
      deregistered: 0,
      paymentRows: 0,
    });
  });

  it('reads every field of a row into the participant', () => {
    const [kari] = fold(exportTable([exportRow(1)])).participants;
    expect(kari).toMatchObject({
      eventId: 'ev1',
      personId: '1200001',
      buypassId: '310000001',
      firstName: 'Kari 1',
      lastName: 'Nordmann',
      birthDate: '1990-03-14',
      gender: 'female',
      countryCode: 'NOR',
      club: 'IL Gneist',
      clubId: '100234',
      license: { hasLicense: true, seasonLicense: '12345678' },
      consents: {
        photo: 'yes',
        video: 'yes',
        streaming: 'yes',
        liveFeed: 'yes',
      },
      updatesConsent: true,
      status: 'active',
      sourceCheckInStatus: 'Ikke sjekket inn',
      extra: { Alder: '35 år', Påmeldingsavgift: '25,00' },
      revision: 1,
      updatedAt: now,
    });
    expect(kari?.registrations[0]).toMatchObject({
      registrationId: 'REG1',
      statusText: 'Påmeldt',
      registrarName: 'Kari 1 Nordmann',
      amountPaid: 32500,
      paid: true,
      paymentMethod: 'vipps',
      payments: ['02.05.2025 20:15 Vipps 325,00'],
      registeredAt: '2025-05-02T20:15',
    });
    expect(kari?.entries[0]).toMatchObject({
      className: 'K Senior',
      date: '2025-06-14',
      time: '12:00',
    });
  });

  it('keeps one participant with two registrations when a person registered twice', () => {
    const result = fold(
      exportTable([
        exportRow(1),
        exportRow(1, { 'Påmeldings-ID': 'REG9', Øvelse: '10 km' }),
      ]),
    );
    expect(result.participants).toHaveLength(1);
    expect(
      result.participants[0]?.registrations.map((r) => r.registrationId),
    ).toEqual(['REG1', 'REG9']);
  });

  it('tells apart two children without ids on one registration', () => {
    const child = (name: string, birth: string) =>
      exportRow(1, {
        Fornavn: name,
        Fødselsdato: birth,
        'Person ID': '',
        'Buypass ID': '',
        'Påmeldings-ID': 'FAM1',
      });
    const result = fold(
      exportTable([child('Ola', '01.02.2015'), child('Eli', '03.04.2013')]),
    );
    expect(result.participants).toHaveLength(2);
    expect(result.participants.every((p) => p.id.startsWith('rFAM1-'))).toBe(
      true,
    );
  });

  it('attaches payment spill rows to the entry above without a problem', () => {
    const result = fold(
      exportTable([
        exportRow(1),
        paymentSpillRow('14.06.2025 08:15 Vipps 100,00'),
        exportRow(2),
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.counts.paymentRows).toBe(1);
    expect(result.participants).toHaveLength(2);
    expect(result.participants[0]?.registrations[0]?.payments).toEqual([
      '02.05.2025 20:15 Vipps 325,00',
      '14.06.2025 08:15 Vipps 100,00',
    ]);
  });

  it('splits several payments in one cell into lines', () => {
    const lines = '01.05.2025 Vipps 100,00\n02.05.2025 Kort 225,00';
    const [kari] = fold(
      exportTable([exportRow(1, { 'Alle betalinger': lines })]),
    ).participants;
    expect(kari?.registrations[0]?.payments).toHaveLength(2);
  });

  it('marks a person deregistered only when every entry is', () => {
    const result = fold(
      exportTable([
        exportRow(1, { Påmeldingsstatus: 'Avmeldt' }),
        exportRow(1, { Øvelse: '10 km', 'Påmeldings-ID': 'REG5' }),
        exportRow(2, { Påmeldingsstatus: 'Avmeldt' }),
      ]),
    );
    expect(result.participants.map((p) => p.status)).toEqual([
      'active',
      'deregistered',
    ]);
    expect(result.counts.deregistered).toBe(1);
    expect(result.counts.participants).toBe(2);
  });

  it('reports each problem with row, column, field and value', () => {
    const result = fold(exportWithProblems());
    const brief = result.problems.map((p) => [
      p.code,
      p.severity,
      p.row,
      p.column,
      p.field,
      p.value,
    ]);
    expect(brief).toEqual([
      ['missing-name', 'error', 4, 'A', 'Fornavn', ''],
      ['impossible-birth-date', 'error', 5, 'F', 'Fødselsdato', '31.02.1990'],
      ['unknown-gender', 'error', 6, 'I', 'Kjønn', 'X'],
      ['duplicate-entry', 'error', 7, '', '', ''],
      ['unknown-status', 'warning', 8, 'AG', 'Påmeldingsstatus', 'Venteliste'],
    ]);
    expect(result.problems[3]?.params).toEqual({
      firstRow: 2,
      exercise: 'K Senior 5 km',
    });
  });

  it('leaves rows with errors out and keeps rows with warnings', () => {
    const result = fold(exportWithProblems());
    expect(result.participants.map((p) => p.entries[0]?.sourceRow)).toEqual([
      2, 3, 8,
    ]);
    expect(result.participants[2]?.status).toBe('active');
  });

  it('leaves out the rows it is told to skip', () => {
    const result = fold(exportTable([exportRow(1), exportRow(2)]), [3]);
    expect(result.participants.map((p) => p.id)).toEqual(['p1200001']);
  });

  it('does not call a re-entry after a deregistration a duplicate', () => {
    const result = fold(
      exportTable([
        exportRow(1, { Påmeldingsstatus: 'Avmeldt' }),
        exportRow(1, { 'Påmeldings-ID': 'REG2' }),
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.participants[0]?.entries).toHaveLength(2);
  });

  it('reports a birth date in the future as impossible', () => {
    const result = fold(
      exportTable([exportRow(1, { Fødselsdato: '01.01.2030' })]),
    );
    expect(result.problems[0]).toMatchObject({
      code: 'impossible-birth-date',
      params: { reason: 'future' },
    });
  });

  it('warns about bad numbers, dates and yes/no values but keeps the row', () => {
    const result = fold(
      exportTable([
        exportRow(1, { Sum: 'gratis', Dato: '32.06.2025', Lisens: 'kanskje' }),
      ]),
    );
    expect(result.problems.map((p) => [p.code, p.severity, p.field])).toEqual([
      ['bad-value', 'warning', 'Lisens'],
      ['bad-date', 'warning', 'Dato'],
      ['bad-number', 'warning', 'Sum'],
    ]);
    expect(result.participants).toHaveLength(1);
  });

  it('reads separate consent columns and bib and chip where present', () => {
    const headers = [
      ...headersWithout('Mediesamtykke'),
      'Bildesamtykke',
      'Videosamtykke',
      'Strømmesamtykke',
      'Brikkenummer',
    ];
    const row = exportRow(1, {
      Bildesamtykke: 'Nei',
      Videosamtykke: 'Ja',
      Strømmesamtykke: 'Nei',
      Startnummer: '101',
      Brikkenummer: '2045678',
    });
    const [kari] = fold(exportTable([row], { headers })).participants;
    expect(kari?.consents).toEqual({
      photo: 'no',
      video: 'yes',
      streaming: 'no',
      liveFeed: '',
    });
    expect([kari?.bib, kari?.chip]).toEqual(['101', '2045678']);
  });

  it('maps columns by name when they move or go missing', () => {
    const headers = [...headersWithout('Person ID', 'E-post')].reverse();
    const result = fold(exportTable([exportRow(1)], { headers }));
    expect(result.problems).toEqual([]);
    expect(result.participants[0]).toMatchObject({
      id: 'b310000001',
      firstName: 'Kari 1',
      email: '',
    });
  });

  it('refuses a sheet that is not an iSonen export as one problem', () => {
    const result = fold(memberList());
    expect(result.participants).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual([
      'not-an-isonen-export',
    ]);
  });

  it('counts active participants per class, sorted by name', () => {
    const result = fold(
      exportTable([
        exportRow(1, { Klasse: 'G 12' }),
        exportRow(2, { Klasse: 'G 9' }),
        exportRow(3, { Klasse: 'G 12', Påmeldingsstatus: 'Avmeldt' }),
        exportRow(4, { Klasse: 'G 12', 'Påmeldings-ID': 'X' }),
      ]),
    );
    expect(result.classes).toEqual([
      { name: 'G 9', participants: 1 },
      { name: 'G 12', participants: 2 },
    ]);
  });

  it('folds the demo export without problems', () => {
    const table = demoExport({ participants: 500, seed: 7 });
    const result = fold(table);
    expect(result.problems).toEqual([]);
    expect(result.counts.participants).toBe(500);
    expect(result.counts.entries + result.counts.paymentRows).toBe(
      table.rows.length,
    );
  });

  it('counts a payment row with no entry above it without failing', () => {
    const result = fold(
      exportTable([
        paymentSpillRow('01.05.2025 Vipps 100,00'),
        exportRow(1, { Kjønn: 'X' }),
        paymentSpillRow('02.05.2025 Vipps 100,00'),
        exportRow(2),
      ]),
    );
    expect(result.counts.paymentRows).toBe(2);
    expect(result.participants.map((p) => p.id)).toEqual(['p1200002']);
    expect(result.participants[0]?.registrations[0]?.payments).toHaveLength(1);
  });

  it('passes over rows of blank cells', () => {
    const blank = exportTable([exportRow(1), {}, { Fornavn: '  ' }]);
    const result = fold(blank);
    expect(result.problems).toEqual([]);
    expect(result.counts.rows).toBe(1);
  });

  it('reads Avmeldt dato as a deregistration when the status is empty', () => {
    const headers = [...headersWithout('Påmeldingsstatus'), 'Avmeldt dato'];
    const row = exportRow(1, { 'Avmeldt dato': '10.06.2025' });
    const [kari] = fold(exportTable([row], { headers })).participants;
    expect(kari?.status).toBe('deregistered');
    expect(kari?.registrations[0]?.deregisteredAt).toBe('2025-06-10');
  });

  it('warns once when the file has no identity column at all', () => {
    const headers = headersWithout('Person ID', 'Buypass ID', 'Påmeldings-ID');
    const result = fold(exportTable([exportRow(1), exportRow(2)], { headers }));
    expect(result.problems.map((p) => [p.code, p.row, p.severity])).toEqual([
      ['missing-column', 0, 'warning'],
    ]);
    expect(result.participants).toHaveLength(2);
  });
});

describe('foldSheet on any demo export', () => {
  it('accounts for every row and every asked-for participant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (participants, seed) => {
          const table = demoExport({ participants, seed });
          const result = fold(table);
          expect(result.problems).toEqual([]);
          expect(result.counts.participants).toBe(participants);
          expect(result.counts.entries + result.counts.paymentRows).toBe(
            table.rows.length,
          );
          const ids = new Set(result.participants.map((p) => p.id));
          expect(ids.size).toBe(participants);
        },
      ),
      { numRuns: 40 },
    );
  });
});
