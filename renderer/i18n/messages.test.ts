import { describe, expect, it } from 'vitest';

import { en } from './en';
import { isLanguage, storedLanguage } from './language';
import { nb } from './nb';

const keysOf = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([k, v]) =>
        keysOf(v, prefix ? `${prefix}.${k}` : k),
      )
    : [prefix];

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

const textAt = (root: unknown, key: string): string => {
  let node: unknown = root;
  for (const part of key.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? Object.getOwnPropertyDescriptor(node, part)?.value
        : undefined;
  }
  return typeof node === 'string' ? node : '';
};

describe('translations', () => {
  it('bokmål and English have exactly the same keys', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(nb).sort());
  });

  it('every English text uses the same placeholders as bokmål', () => {
    for (const key of keysOf(nb)) {
      expect(placeholders(textAt(en, key)), key).toEqual(
        placeholders(textAt(nb, key)),
      );
    }
  });

  it('no text is empty in either language', () => {
    for (const key of keysOf(nb)) {
      expect(textAt(nb, key), key).not.toBe('');
      expect(textAt(en, key), key).not.toBe('');
    }
  });
});

describe('stored language', () => {
  const storage = (value: string | null) => ({ getItem: () => value });

  it('defaults to bokmål when nothing or garbage is stored', () => {
    expect(storedLanguage(storage(null))).toBe('nb');
    expect(storedLanguage(storage('de'))).toBe('nb');
  });

  it('returns English when English was chosen', () => {
    expect(storedLanguage(storage('en'))).toBe('en');
    expect(isLanguage('en')).toBe(true);
  });
});
