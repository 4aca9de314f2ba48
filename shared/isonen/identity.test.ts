import { describe, expect, it } from 'vitest';

import { foldName, personKey } from './identity';

const kari = {
  personId: '',
  buypassId: '',
  registrationId: 'REG1',
  firstName: 'Kari',
  lastName: 'Ås',
  birthDate: '2015-04-01',
};

describe('personKey', () => {
  it('uses Person ID first, then Buypass ID', () => {
    expect(personKey({ ...kari, personId: '1234567', buypassId: '9' })).toBe(
      'p1234567',
    );
    expect(personKey({ ...kari, buypassId: '310000001' })).toBe('b310000001');
  });

  it('falls back to the registration plus a hash of name and birth date', () => {
    expect(personKey(kari)).toMatch(/^rREG1-[0-9a-z]{7}$/);
  });

  it('tells apart two children on one registration', () => {
    const sibling = { ...kari, firstName: 'Ola', birthDate: '2013-09-09' };
    expect(personKey(sibling)).not.toBe(personKey(kari));
  });

  it('gives the same key however the name is spelled or spaced', () => {
    const respelled = { ...kari, firstName: ' KARI ', lastName: 'Aas' };
    expect(personKey(respelled)).toBe(personKey(kari));
  });
});

describe('foldName', () => {
  it('folds case, diacritics and æ/ø/å', () => {
    expect(foldName('Bjørn  Ærlig-Åsheim')).toBe('bjorn aerlig-aasheim');
    expect(foldName('Linnéa')).toBe('linnea');
  });
});
