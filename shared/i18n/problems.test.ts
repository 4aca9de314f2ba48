import { describe, expect, it } from 'vitest';

import { exportWithProblems, memberList } from '../demo/badExport';
import { foldSheet } from '../isonen/fold';
import type { ImportProblem } from '../isonen/preview';
import { problemMessage, problemText, summaryLabels } from './problems';

const problem = (over: Partial<ImportProblem>): ImportProblem => ({
  code: 'impossible-birth-date',
  severity: 'error',
  row: 14,
  column: 'E',
  field: 'Fødselsdato',
  value: '31.02.1990',
  params: { reason: 'not-a-date' },
  ...over,
});

describe('problemMessage', () => {
  it('says what is wrong and where, in English and Norwegian', () => {
    expect(problemMessage(problem({}), 'en')).toBe(
      'Row 14, column E (Fødselsdato): "31.02.1990" is not a real date',
    );
    expect(problemMessage(problem({}), 'nb')).toBe(
      'Rad 14, kolonne E (Fødselsdato): "31.02.1990" er ikke en gyldig dato',
    );
  });

  it('leaves the place out for tables that show it in columns', () => {
    expect(problemText(problem({}), 'en')).toBe(
      '"31.02.1990" is not a real date',
    );
  });

  it('names the first row of a duplicate', () => {
    const duplicate = problem({
      code: 'duplicate-entry',
      column: '',
      field: '',
      value: '',
      params: { firstRow: 3, exercise: 'K Senior 5 km' },
    });
    expect(problemMessage(duplicate, 'en')).toBe(
      'Row 14: the same person is already entered in K Senior 5 km in row 3; this row is a duplicate',
    );
  });

  it('gives a file-level problem without a place', () => {
    const [notExport] = foldSheet(memberList(), { eventId: 'e' }).problems;
    if (!notExport) throw new Error('expected a problem');
    expect(problemMessage(notExport, 'en')).toMatch(
      /^This is not an iSonen participant export: it has no Fornavn, Etternavn,/,
    );
    expect(problemMessage(notExport, 'nb')).toMatch(/^Dette er ikke/);
  });

  it('has a sentence in both languages for every problem the fold reports', () => {
    const { problems } = foldSheet(exportWithProblems(), {
      eventId: 'e',
      now: '2025-06-01T00:00:00Z',
    });
    for (const lang of ['en', 'nb'] as const) {
      const messages = problems.map((p) => problemMessage(p, lang));
      expect(new Set(messages).size).toBe(problems.length);
      for (const message of messages) {
        expect(message).toMatch(/^(Row|Rad) \d+/);
        expect(message).not.toMatch(/undefined|\{|\}/);
      }
    }
  });
});

describe('summaryLabels', () => {
  it('has the same labels in both languages', () => {
    expect(Object.keys(summaryLabels.nb).sort()).toEqual(
      Object.keys(summaryLabels.en).sort(),
    );
  });
});
