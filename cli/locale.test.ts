import { describe, expect, it } from 'vitest';

import { langOption, systemLang } from './locale';

describe('systemLang', () => {
  it('speaks Norwegian for nb, nn and no locales', () => {
    expect(systemLang({ LANG: 'nb_NO.UTF-8' })).toBe('nb');
    expect(systemLang({ LANG: 'nn_NO' })).toBe('nb');
    expect(systemLang({ LANG: 'no' })).toBe('nb');
  });

  it('speaks English for any other locale or none', () => {
    expect(systemLang({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(systemLang({ LANG: 'nl_NL' })).toBe('en');
    expect(systemLang({})).toBe('en');
  });

  it('lets LC_ALL win over LC_MESSAGES and LANG', () => {
    expect(systemLang({ LC_ALL: 'C', LANG: 'nb_NO.UTF-8' })).toBe('en');
    expect(systemLang({ LC_MESSAGES: 'nb_NO', LANG: 'C' })).toBe('nb');
    expect(systemLang({ LC_ALL: '', LANG: 'nb_NO' })).toBe('nb');
  });
});

describe('langOption', () => {
  it('takes --lang over the system locale and refuses other values', () => {
    expect(langOption('en', { LANG: 'nb_NO' })).toBe('en');
    expect(langOption(undefined, { LANG: 'nb_NO' })).toBe('nb');
    expect(langOption('de', {})).toBeNull();
  });
});
