// Who is who in the export (DOMAIN.md): a person is Person ID, else Buypass
// ID, else the row's own registration. One registration can cover several
// people (a parent entering two children), so the registration key also
// carries a hash of the person's folded name and birth date.

export type PersonIdentity = {
  personId: string;
  buypassId: string;
  registrationId: string;
  firstName: string;
  lastName: string;
  /** yyyy-mm-dd or ''. */
  birthDate: string;
};

const letterSpellings: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  å: 'aa',
  ß: 'ss',
};

/**
 * Lower case, no diacritics, æ/ø/å spelled ae/o/aa, single spaces: so that
 * "Bjørn  Ås" and "bjorn aas" fold to the same text.
 */
export const foldName = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[æøåß]/g, (letter) => letterSpellings[letter] ?? letter)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

/** FNV-1a, 32 bits: short and stable; collisions only matter per row. */
const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

/** Base-36, fixed width, from the folded name and the birth date. */
export const personHash = (
  firstName: string,
  lastName: string,
  birthDate: string,
): string =>
  fnv1a(`${foldName(firstName)}|${foldName(lastName)}|${birthDate}`)
    .toString(36)
    .padStart(7, '0');

/** The participant's id: `p<PersonID>`, `b<BuypassID>` or `r<ID>-<hash>`. */
export const personKey = (identity: PersonIdentity): string => {
  const personId = identity.personId.trim();
  if (personId !== '') return `p${personId}`;
  const buypassId = identity.buypassId.trim();
  if (buypassId !== '') return `b${buypassId}`;
  const hash = personHash(
    identity.firstName,
    identity.lastName,
    identity.birthDate,
  );
  return `r${identity.registrationId.trim()}-${hash}`;
};
