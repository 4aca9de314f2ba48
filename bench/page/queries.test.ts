import { describe, expect, it } from 'vitest';
import { keystrokes, plainTyping, typedQueries } from './queries';

const people = [
  {
    firstName: 'Bjørn',
    lastName: 'Håland',
    club: 'Bærum SK',
    bib: '17',
    birthDate: '1984-05-02',
  },
  {
    firstName: 'Åse',
    lastName: 'Ødegård',
    club: 'IL Heming',
    bib: '',
    birthDate: '',
  },
];

describe('typed queries', () => {
  it('types Nordic letters and accents the way a plain keyboard does', () => {
    expect(plainTyping('Bjørn Håland, Bærum, José')).toBe(
      'bjorn haland, baerum, jose',
    );
  });

  it('sends every prefix of a query, one per keystroke', () => {
    expect(keystrokes('bj h')).toEqual(['b', 'bj', 'bj ', 'bj h']);
  });

  it('types the same queries for the same seed', () => {
    expect(typedQueries(people, 20, 7)).toEqual(typedQueries(people, 20, 7));
  });

  it('never types an empty query for a person without bib or birth date', () => {
    const queries = typedQueries(people, 40, 3);

    expect(queries.length).toBe(40);
    expect(queries.every((q) => q.text.trim() !== '')).toBe(true);
    expect(queries[0]).toEqual({ kind: 'literal', text: 'bjorn h' });
  });
});
