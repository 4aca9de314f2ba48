import { describe, expect, it } from 'vitest';

import { isonenHeaders } from '../demo/exportColumns';
import {
  checkIsonenExport,
  columnLetter,
  mapHeaders,
  normalizeHeader,
} from './headers';

describe('columnLetter', () => {
  it('names columns as Excel does', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(42)).toBe('AQ');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
  });
});

describe('mapHeaders', () => {
  it('finds columns by name wherever they are', () => {
    const map = mapHeaders(['Klasse', 'Etternavn', 'Fornavn']);
    expect(map.columns.className).toBe(0);
    expect(map.columns.lastName).toBe(1);
    expect(map.columns.firstName).toBe(2);
  });

  it('tolerates case, NBSPs, double spaces and stray whitespace', () => {
    const map = mapHeaders([
      ' fornavn ',
      'PÅMELDT\u00a0AV',
      'Påmelder  betalte  mva',
    ]);
    expect(map.columns.firstName).toBe(0);
    expect(map.columns.registrarName).toBe(1);
    expect(map.columns.amountPaidVat).toBe(2);
    expect(map.extra).toEqual([]);
  });

  it('keeps unknown columns as extra data by header', () => {
    const map = mapHeaders(['Fornavn', 'T-skjorte', '', 'Alder']);
    expect(map.extra).toEqual([
      { index: 1, header: 'T-skjorte' },
      { index: 3, header: 'Alder' },
    ]);
  });

  it('knows every column of a real export but the ones kept as extra', () => {
    const map = mapHeaders(isonenHeaders);
    expect(map.extra.map((column) => column.header)).toEqual([
      'Alder',
      'Påmeldingsavgift',
      'Påmeldingsavgift mva',
    ]);
  });

  it('reads Startnummer and Brikkenummer as bib and chip', () => {
    const map = mapHeaders(['Startnr.', 'Brikkenummer']);
    expect(map.columns.bib).toBe(0);
    expect(map.columns.chip).toBe(1);
  });
});

describe('checkIsonenExport', () => {
  it('accepts an export with names and registration columns', () => {
    expect(checkIsonenExport(mapHeaders(isonenHeaders))).toBeNull();
  });

  it('refuses a sheet without names as one file-level problem', () => {
    const problem = checkIsonenExport(mapHeaders(['Navn', 'Klasse']));
    expect(problem).toMatchObject({
      code: 'not-an-isonen-export',
      severity: 'error',
      row: 0,
      column: '',
    });
    expect(problem?.params.missing).toBe('Fornavn, Etternavn');
  });

  it('refuses names without any registration column', () => {
    const problem = checkIsonenExport(mapHeaders(['Fornavn', 'Etternavn']));
    expect(problem?.code).toBe('not-an-isonen-export');
  });
});

describe('normalizeHeader', () => {
  it('folds every kind of space into one', () => {
    expect(normalizeHeader('\ufeffKrets/region\u202fID ')).toBe(
      'krets/region id',
    );
  });
});
