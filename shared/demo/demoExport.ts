// A made-up iSonen participant export that looks like the real ones
// (DOMAIN.md): one row per participant and exercise, families entered by a
// parent, people who registered twice, unpaid and unlicensed entries, media
// reservations, deregistrations and payment lines spilling onto extra rows.
// Seeded, so the same options give the same sheet everywhere.

import { fullName } from '../domain/participant';
import type { SheetTable } from '../isonen/sheet';
import { type ExportRow, isonenCells, isonenHeaders } from './exportColumns';
import {
  clubs,
  type DemoClub,
  femaleNames,
  lastNames,
  maleNames,
} from './names';
import { type Random, seededRandom } from './random';

export type DemoOptions = {
  participants?: number;
  seed?: number;
  /** yyyy-mm-dd. */
  eventDate?: string;
};

type DemoPerson = {
  firstName: string;
  lastName: string;
  gender: 'K' | 'M';
  birthDate: string;
  age: number;
  club: DemoClub | null;
  personId: string;
  buypassId: string;
  email: string;
  mobile: string;
  foreign: boolean;
  /** The person's own cells, the same in every row of theirs. */
  cells: ExportRow;
};

type Exercise = { name: string; time: string; fee: number };

const exercises: Record<'child' | 'youth' | 'adult', Exercise[]> = {
  child: [
    { name: '60 m', time: '10:00', fee: 15000 },
    { name: '600 m', time: '10:30', fee: 15000 },
    { name: '2 km', time: '11:30', fee: 15000 },
  ],
  youth: [
    { name: '60 m', time: '10:00', fee: 20000 },
    { name: '800 m', time: '11:00', fee: 20000 },
    { name: '5 km', time: '12:00', fee: 25000 },
  ],
  adult: [
    { name: '5 km', time: '12:00', fee: 30000 },
    { name: '10 km', time: '13:00', fee: 35000 },
    { name: '60 m', time: '10:00', fee: 25000 },
  ],
};

const registrationFee = 2500;

const dotted = (iso: string) =>
  `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Øre as iSonen writes amounts: "1 250,00". */
const kroner = (ore: number) => {
  const whole = Math.floor(ore / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${whole},${String(ore % 100).padStart(2, '0')}`;
};

const daysBefore = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000)
    .toISOString()
    .slice(0, 10);

/** Athletics classes go by age in the event's year. */
export const demoClassName = (gender: 'K' | 'M', age: number): string => {
  if (age <= 16) return `${gender === 'K' ? 'J' : 'G'} ${age}`;
  if (age <= 19) return `${gender} 17-19`;
  if (age <= 34) return `${gender} Senior`;
  return `${gender} ${Math.min(Math.floor(age / 5) * 5, 80)}`;
};

const exercisesFor = (age: number) =>
  age <= 12 ? exercises.child : age <= 16 ? exercises.youth : exercises.adult;

const asciiMail = (text: string) =>
  text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');

// Ids only grow, so every person gets a unique Person ID (7-8 digits) and
// Buypass ID (9 digits) and every registration a unique Påmeldings-ID.
const idSource = (random: Random) => {
  const counter = (start: number, maxStep: number) => {
    let value = start;
    return () => {
      value += random.int(1, maxStep);
      return value;
    };
  };
  const personId = counter(1_200_000 + random.int(0, 9999), 97);
  const buypassId = counter(310_000_000 + random.int(0, 99_999), 997);
  const transactionId = counter(40_000_000_000 + random.int(0, 999_999), 9999);
  const registration = counter(random.int(100_000, 900_000), 9);
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  return {
    personId: () => String(personId()),
    buypassId: () => String(buypassId()),
    transactionId: () => String(transactionId()),
    registrationId: () =>
      random.text(3, letters) + registration().toString(36).toUpperCase(),
  };
};

type Ids = ReturnType<typeof idSource>;

const personCells = (person: DemoPerson, random: Random): ExportRow => {
  const licensed = person.age >= 13 && random.chance(0.9);
  const season = licensed && random.chance(0.8);
  return {
    Fornavn: person.firstName,
    Etternavn: person.lastName,
    'E-post': person.email,
    Land: person.foreign ? 'Sverige' : 'Norge',
    Landskode: person.foreign ? 'SWE' : 'NOR',
    Fødselsdato: dotted(person.birthDate),
    Alder: `${person.age} år`,
    Mobil: person.mobile,
    Kjønn: person.gender,
    Klubb: person.club?.name ?? '',
    'Klubb-ID': person.club?.id ?? '',
    'Krets/region': person.club?.region ?? '',
    'Krets/region ID': person.club ? `KR${person.club.id.slice(0, 4)}` : '',
    Kommentar: random.chance(0.01) ? 'Trenger parkering for rullestol' : '',
    Sport: 'Friidrett',
    Lisens: licensed ? 'J' : 'N',
    Helårslisens: season ? random.text(8, '0123456789') : '',
    Engangslisens:
      licensed && !season ? `E${random.text(7, '0123456789')}` : '',
    Deltakerstatus: 'Ikke sjekket inn',
    'Buypass ID': person.buypassId,
    'Person ID': person.personId,
    Markedskommunikasjon: random.chance(0.6) ? 'Ja' : 'Nei',
    Mediesamtykke: random.chance(0.04) ? 'Nei' : 'Ja',
  };
};

const makePerson = (
  random: Random,
  ids: Ids,
  eventYear: number,
  age: number,
  family?: { lastName: string; club: DemoClub | null },
): DemoPerson => {
  const gender = random.chance(0.5) ? 'K' : 'M';
  const names = gender === 'K' ? femaleNames : maleNames;
  const middle = random.chance(0.1) ? ` ${random.pick(names)}` : '';
  const firstName = `${random.pick(names)}${middle}`;
  const lastName = family?.lastName ?? random.pick(lastNames);
  const foreign = !family && random.chance(0.02);
  // People from abroad have no NIF Person ID; some children have no sports
  // login at all and are known only through the parent's registration.
  const noLogin = family !== undefined && random.chance(0.1);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  const person: DemoPerson = {
    firstName,
    lastName,
    gender,
    birthDate: `${eventYear - age}-${month}-${day}`,
    age,
    club: family ? family.club : random.chance(0.9) ? random.pick(clubs) : null,
    personId: foreign || noLogin ? '' : ids.personId(),
    buypassId: noLogin ? '' : ids.buypassId(),
    email: `${asciiMail(firstName)}.${asciiMail(lastName)}${random.int(
      1,
      99,
    )}@example.no`,
    mobile: `${random.pick(['4', '9'])}${random.text(7, '0123456789')}`,
    foreign,
    cells: {},
  };
  person.cells = personCells(person, random);
  return person;
};

type DemoRegistration = {
  registrar: DemoPerson;
  people: { person: DemoPerson; exercises: Exercise[] }[];
};

const registrationRows = (
  registration: DemoRegistration,
  random: Random,
  ids: Ids,
  eventDate: string,
): string[][] => {
  const registeredOn = daysBefore(eventDate, random.int(1, 90));
  const hour = String(random.int(6, 23)).padStart(2, '0');
  const at = `${hour}:${String(random.int(0, 59)).padStart(2, '0')}`;
  const paid = random.chance(0.95);
  const deregistered = random.chance(0.03);
  const total =
    registrationFee +
    registration.people
      .flatMap((p) => p.exercises)
      .reduce((sum, exercise) => sum + exercise.fee, 0);
  const method = random.pick(['Vipps', 'Vipps', 'Kort', 'Faktura']);
  const split = paid && random.chance(0.01);
  const firstPayment = split ? total - 10000 : total;
  const payments = [
    `${dotted(registeredOn)} ${at} ${method} ${kroner(firstPayment)}`,
  ];
  const spill = split
    ? `${dotted(eventDate)} 08:15 Vipps ${kroner(total - firstPayment)}`
    : '';

  const shared: ExportRow = {
    'Påmeldt av': fullName(registration.registrar),
    'E-post påmelder': registration.registrar.email,
    'Påmelder betalte': paid ? kroner(total) : '0,00',
    'Påmelder betalte mva': '0,00',
    Betalt: paid ? 'Ja' : '',
    'Transaksjons-ID': paid ? ids.transactionId() : '',
    'Påmeldings-ID': ids.registrationId(),
    Påmeldingsstatus: deregistered ? 'Avmeldt' : 'Påmeldt',
    'Påmeldt dato': dotted(registeredOn),
    'Påmeldt kl.': at,
    'Alle betalinger': paid ? payments.join('\n') : '',
    Påmeldingsavgift: kroner(registrationFee),
    'Påmeldingsavgift mva': '0,00',
  };

  const rows = registration.people.flatMap(({ person, exercises: list }) =>
    list.map((exercise) =>
      isonenCells(person.cells, shared, {
        Dato: dotted(eventDate),
        Øvelse: exercise.name,
        Klasse: demoClassName(person.gender, person.age),
        'Kl.': exercise.time,
        Sum: kroner(exercise.fee),
        Mva: '0,00',
      }),
    ),
  );
  return spill ? [...rows, isonenCells({ 'Alle betalinger': spill })] : rows;
};

const chooseExercises = (random: Random, age: number): Exercise[] => {
  const list = exercisesFor(age);
  const count = random.chance(0.08) ? 3 : random.chance(0.22) ? 2 : 1;
  const start = random.int(0, list.length - 1);
  return Array.from(
    { length: count },
    (_, i) => list[(start + i) % list.length],
  ).filter((exercise) => exercise !== undefined);
};

const nextRegistrations = (
  random: Random,
  ids: Ids,
  eventYear: number,
  remaining: number,
): DemoRegistration[] => {
  if (remaining >= 2 && random.chance(0.1)) {
    const parent = makePerson(random, ids, eventYear, random.int(32, 50));
    const family = { lastName: parent.lastName, club: parent.club };
    const children = [0, 1].map(() =>
      makePerson(random, ids, eventYear, random.int(8, 15), family),
    );
    const people = children.map((person) => ({
      person,
      exercises: chooseExercises(random, person.age),
    }));
    return [{ registrar: parent, people }];
  }

  const person = makePerson(random, ids, eventYear, random.int(10, 75));
  const chosen = chooseExercises(random, person.age);
  // Some people come back later to enter one more exercise: two
  // registrations, still one participant.
  const [first, ...more] = chosen;
  if (first && more.length > 0 && random.chance(0.15)) {
    return [
      { registrar: person, people: [{ person, exercises: [first] }] },
      { registrar: person, people: [{ person, exercises: more }] },
    ];
  }
  return [{ registrar: person, people: [{ person, exercises: chosen }] }];
};

export const demoExport = (options: DemoOptions = {}): SheetTable => {
  const wanted = options.participants ?? 3000;
  const eventDate = options.eventDate ?? '2025-06-14';
  const random = seededRandom(options.seed ?? 2025);
  const ids = idSource(random);
  const eventYear = Number(eventDate.slice(0, 4));

  const rows: string[][] = [];
  let people = 0;
  while (people < wanted) {
    const registrations = nextRegistrations(
      random,
      ids,
      eventYear,
      wanted - people,
    );
    people += registrations[0]?.people.length ?? 0;
    for (const registration of registrations) {
      rows.push(...registrationRows(registration, random, ids, eventDate));
    }
  }

  return {
    fileName: `deltakerliste-demo-${options.seed ?? 2025}.xlsx`,
    sheetName: 'Deltakere',
    headers: [...isonenHeaders],
    headerRow: 1,
    rows: rows.map((row, index) => ({
      row: index + 2,
      cells: row,
    })),
  };
};
