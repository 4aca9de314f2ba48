import { describe, expect, it } from 'vitest';
import { computeResults } from './compute';
import { boardLines, latestFinishers, printerText } from './devices';
import { finishAt, makeStarter, massSetup } from './fixtures';

const text = (bytes: Uint8Array) => String.fromCharCode(...bytes);

const list = computeResults({
  setup: massSetup('23:40:00', { requiredControls: [31] }),
  starters: ['7', '12', '103', '4'].map((bib) => makeStarter({ bib })),
  passings: [
    { bib: '7', station: 31, time: '23:45:00.000' },
    { bib: '12', station: 31, time: '23:45:00.000' },
    finishAt('12', '23:59:58.120'),
    finishAt('7', '00:01:02.345'),
    finishAt('103', '00:00:30.000'),
  ],
  closed: true,
});

describe('results for the board and the printer', () => {
  it('picks the latest finishers, past midnight included', () => {
    expect(latestFinishers(list, 2).map((r) => r.bib)).toEqual(['7', '103']);
  });

  it('sends board lines with rank for OK finishers, newest last', () => {
    expect(boardLines(list, 3).map(text)).toEqual([
      ' 12C    00:19:58.120 1\r',
      '103C    00:20:30.000  \r',
      '  7C    00:21:02.345 2\r',
    ]);
  });

  it('prints a class with places, times and the status of the rest', () => {
    const [classResult] = list.classes;
    if (!classResult) throw new Error('no class');
    expect(printerText(classResult)).toEqual([
      'K 5 km',
      '  1.    12      19:58.12',
      '  2.     7      21:02.34',
      '       103            MP',
      '         4           DNS',
    ]);
  });
});
