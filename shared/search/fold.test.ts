import { describe, expect, it } from 'vitest';
import { fold, foldTokens } from './fold';

describe('fold', () => {
  it('makes every spelling of Bjørn the same', () => {
    const spellings = ['Bjorn', 'Bjoern', 'bjørn', 'BJØRN', 'Bjørn'];
    expect(new Set(spellings.map(fold))).toEqual(new Set(['bjorn']));
  });

  it('makes Haakon and Håkon the same', () => {
    expect(fold('Haakon')).toBe(fold('Håkon'));
    expect(fold('HÅKON')).toBe('hakon');
  });

  it('makes Baerum and Bærum the same', () => {
    expect(fold('Baerum')).toBe(fold('Bærum'));
    expect(fold('BÆRUM')).toBe('baerum');
  });

  it('strips diacritics of other languages', () => {
    expect(fold('José Müller-Lüdenscheidt')).toBe('jose muller-ludenscheidt');
    expect(fold('Łukasz Straße')).toBe('lukasz strasse');
  });

  it('splits names into folded words', () => {
    expect(foldTokens('  Ole-Martin  Ås ')).toEqual(['ole', 'martin', 'as']);
    expect(foldTokens('---')).toEqual([]);
  });
});
