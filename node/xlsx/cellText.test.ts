import { describe, expect, it } from 'vitest';

import { cellText, dateCellText, formatParts } from './cellText';

const utc = (iso: string) => new Date(`${iso}Z`);

describe('formatParts', () => {
  it('tells date, time and elapsed-time formats apart', () => {
    expect(formatParts('dd.mm.yyyy')).toEqual({
      date: true,
      time: false,
      seconds: false,
    });
    expect(formatParts('h:mm')).toMatchObject({ date: false, time: true });
    expect(formatParts('[h]:mm:ss')).toEqual({
      date: false,
      time: true,
      seconds: true,
    });
    expect(formatParts('[$-414]d/m/yyyy h:mm')).toMatchObject({
      date: true,
      time: true,
    });
    expect(formatParts('"kl." 0')).toMatchObject({ date: false, time: false });
  });
});

describe('dateCellText', () => {
  it('writes date cells as dd.mm.yyyy', () => {
    expect(dateCellText(utc('1990-03-14T00:00:00'), 'dd.mm.yyyy')).toBe(
      '14.03.1990',
    );
  });

  it('writes time cells as HH:MM, with seconds when shown or present', () => {
    expect(dateCellText(utc('1899-12-30T08:05:00'), 'h:mm')).toBe('08:05');
    expect(dateCellText(utc('1899-12-30T08:05:00'), 'hh:mm:ss')).toBe(
      '08:05:00',
    );
    expect(dateCellText(utc('1899-12-30T20:15:30'), 'h:mm')).toBe('20:15:30');
  });

  it('rounds a fraction of a day that is not exact to the second', () => {
    expect(dateCellText(utc('1899-12-30T12:14:59.999'), 'h:mm')).toBe('12:15');
  });

  it('writes date and time when the format shows both', () => {
    expect(dateCellText(utc('2025-05-02T20:15:00'), 'd/m/yyyy h:mm')).toBe(
      '02.05.2025 20:15',
    );
    expect(dateCellText(utc('2025-05-02T00:00:00'), 'd/m/yyyy h:mm')).toBe(
      '02.05.2025',
    );
  });

  it('reads a cell on Excel day 0 as a time even without a time format', () => {
    expect(dateCellText(utc('1899-12-30T09:30:00'), 'General')).toBe('09:30');
  });
});

describe('cellText', () => {
  it('turns every kind of cell value into text', () => {
    expect(cellText(null, undefined)).toBe('');
    expect(cellText('Kari', undefined)).toBe('Kari');
    expect(cellText(1234567, undefined)).toBe('1234567');
    expect(cellText(true, undefined)).toBe('TRUE');
    expect(
      cellText({ richText: [{ text: 'Bjørn ' }, { text: 'Ås' }] }, undefined),
    ).toBe('Bjørn Ås');
    expect(cellText({ error: '#N/A' }, undefined)).toBe('#N/A');
    expect(
      cellText(
        { text: 'Nettside', hyperlink: 'https://example.no' },
        undefined,
      ),
    ).toBe('Nettside');
  });

  it('gives formula results, dates included', () => {
    expect(cellText({ formula: 'A1', result: 'Kari' }, undefined)).toBe('Kari');
    expect(cellText({ formula: 'B2+1', result: 33001 }, 'dd.mm.yyyy')).toBe(
      '08.05.1990',
    );
    expect(cellText({ formula: 'NOW()' }, undefined)).toBe('');
  });
});
