// What an operator types at the desk, one keystroke at a time: names without
// diacritics (Bjørn becomes "bjorn"), a first name and the start of a last
// name ("bjorn h"), clubs, bibs and birth years. Built from the imported
// people with a seeded generator so every run types the same thing.

export type Person = {
  firstName: string;
  lastName: string;
  club: string;
  bib: string;
  birthDate: string;
};

export type TypedQuery = { kind: string; text: string };

/** As typed on a keyboard without æ, ø, å or accents. */
export const plainTyping = (text: string): string =>
  text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');

export const seededRandom = (seed: number): (() => number) => {
  // mulberry32: small, fast and good enough to pick people reproducibly.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const queryFor = (kind: string, person: Person): string => {
  const first = plainTyping(person.firstName);
  const last = plainTyping(person.lastName);
  switch (kind) {
    case 'full name':
      return `${first} ${last}`;
    case 'first name, last initial':
      return `${first} ${last.slice(0, 1)}`;
    case 'last name':
      return last;
    case 'last name, first name':
      return `${last} ${first}`;
    case 'club':
      return plainTyping(person.club);
    case 'bib':
      return person.bib;
    case 'birth year':
      return person.birthDate.slice(0, 4);
    default:
      return first;
  }
};

const kinds = [
  'full name',
  'first name, last initial',
  'last name',
  'last name, first name',
  'club',
  'bib',
  'birth year',
];

/** `count` queries over the given people, plus the "bjorn h". */
export const typedQueries = (
  people: readonly Person[],
  count: number,
  seed: number,
): TypedQuery[] => {
  const random = seededRandom(seed);
  const queries: TypedQuery[] = [{ kind: 'literal', text: 'bjorn h' }];
  for (let i = 0; queries.length < count && people.length > 0; i += 1) {
    const person = people[Math.floor(random() * people.length)];
    const kind = kinds[i % kinds.length] ?? 'full name';
    const text = person ? queryFor(kind, person).trim() : '';
    if (text !== '') queries.push({ kind, text });
    if (i > count * 10) break;
  }
  return queries;
};

/** Every prefix of the query: what the search sees after each keystroke. */
export const keystrokes = (text: string): string[] =>
  Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1));
