import { describe, expect, it } from 'vitest';
import { columnLetters, escapeXml } from './sheetXml';

describe('sheetXml', () => {
  it('names columns as Excel does past Z', () => {
    expect([0, 1, 25, 26, 27, 44, 51, 52, 701, 702].map(columnLetters)).toEqual(
      ['A', 'B', 'Z', 'AA', 'AB', 'AS', 'AZ', 'BA', 'ZZ', 'AAA'],
    );
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml('Aas & Bø <"IL"> \u0001x\u000b')).toBe(
      'Aas &amp; Bø &lt;&quot;IL&quot;&gt; x',
    );
  });

  it('leaves plain text as the same string', () => {
    const text = 'Kari Nordmann, IL Gneist';
    expect(escapeXml(text)).toBe(text);
  });
});
