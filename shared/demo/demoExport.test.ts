import { describe, expect, it } from 'vitest';

import { foldSheet } from '../isonen/fold';
import { demoClassName, demoExport } from './demoExport';

const table = demoExport({ participants: 3000, seed: 11 });
const column = (header: string) => {
  const index = table.headers.indexOf(header);
  return table.rows.map((row) => row.cells[index] ?? '');
};
const share = (values: string[], value: string) =>
  values.filter((v) => v === value).length / values.length;

describe('demoExport', () => {
  it('gives the same sheet for the same seed and another for another', () => {
    expect(demoExport({ participants: 50, seed: 11 })).toEqual(
      demoExport({ participants: 50, seed: 11 }),
    );
    expect(demoExport({ participants: 50, seed: 12 }).rows).not.toEqual(
      demoExport({ participants: 50, seed: 11 }).rows,
    );
  });

  it('holds exactly the participants asked for, 3000 by default', () => {
    const fold = foldSheet(table, { eventId: 'demo' });
    expect(fold.counts.participants).toBe(3000);
    const byDefault = foldSheet(demoExport(), { eventId: 'demo' });
    expect(byDefault.counts.participants).toBe(3000);
  });

  it('has Norwegian names, clubs and classes', () => {
    const names = column('Fornavn').concat(column('Etternavn')).join(' ');
    expect(names).toMatch(/[æøåÆØÅ]/);
    expect(new Set(column('Klubb'))).toContain('IL Gneist');
    const classes = new Set(column('Klasse'));
    for (const name of ['M Senior', 'K 17-19', 'G 12']) {
      expect(classes).toContain(name);
    }
    expect(new Set(column('Øvelse'))).toEqual(
      new Set(['', '60 m', '600 m', '800 m', '2 km', '5 km', '10 km']),
    );
  });

  it('has the irregular cases a real export has', () => {
    const status = column('Påmeldingsstatus').filter((s) => s !== '');
    expect(share(status, 'Avmeldt')).toBeGreaterThan(0.01);
    expect(share(status, 'Avmeldt')).toBeLessThan(0.06);
    expect(column('Lisens')).toContain('N');
    expect(column('Mediesamtykke')).toContain('Nei');
    expect(column('Startnummer').every((bib) => bib === '')).toBe(true);

    const names = column('Fornavn');
    const spills = names.filter((name) => name === '').length;
    expect(spills).toBeGreaterThan(0);
    const paid = column('Betalt').filter((_, i) => names[i] !== '');
    expect(paid).toContain('');
  });

  it('has registrations covering two people and people in several exercises', () => {
    const fold = foldSheet(table, { eventId: 'demo' });
    const byRegistration = new Map<string, Set<string>>();
    for (const person of fold.participants) {
      for (const registration of person.registrations) {
        const people =
          byRegistration.get(registration.registrationId) ?? new Set();
        people.add(person.id);
        byRegistration.set(registration.registrationId, people);
      }
    }
    const families = [...byRegistration.values()].filter((p) => p.size === 2);
    expect(families.length).toBeGreaterThan(50);
    const multi = fold.participants.filter((p) => p.entries.length >= 3);
    expect(multi.length).toBeGreaterThan(20);
    const twice = fold.participants.filter((p) => p.registrations.length > 1);
    expect(twice.length).toBeGreaterThan(5);
    const noLogin = fold.participants.filter((p) => p.id.startsWith('r'));
    expect(noLogin.length).toBeGreaterThan(0);
  });
});

describe('demoClassName', () => {
  it('names classes by gender and age in the event year', () => {
    expect(demoClassName('M', 12)).toBe('G 12');
    expect(demoClassName('K', 15)).toBe('J 15');
    expect(demoClassName('K', 18)).toBe('K 17-19');
    expect(demoClassName('M', 25)).toBe('M Senior');
    expect(demoClassName('M', 47)).toBe('M 45');
  });
});
