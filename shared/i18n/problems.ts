// Import problems as sentences a secretariat can act on: what is wrong and
// where, in Norwegian or English. The desk's preview and `racedesk check`
// both use these, so the file says the same thing everywhere.

import type { ImportProblem, ProblemCode } from '../isonen/preview';

export type Lang = 'nb' | 'en';

type Phrases = {
  row: (row: number) => string;
  column: (letter: string, field: string) => string;
  empty: string;
  messages: Record<ProblemCode, (p: ImportProblem) => string>;
};

const quoted = (p: ImportProblem, empty: string) =>
  p.value === '' ? empty : `"${p.value}"`;

const param = (p: ImportProblem, name: string) => String(p.params[name] ?? '');

const plural = (p: ImportProblem) => param(p, 'missing').includes(',');

// Messages are sentences joined from short pieces to keep to 80 columns;
// each reads whole in the tests.
const en: Phrases = {
  row: (row) => `Row ${row}`,
  column: (letter, field) => `column ${letter} (${field})`,
  empty: 'the empty cell',
  messages: {
    'not-an-isonen-export': (p) =>
      'This is not an iSonen participant export: it has no ' +
      `${param(p, 'missing')} ${plural(p) ? 'columns' : 'column'}.`,
    'missing-column': (p) =>
      `The file has no ${p.field}, Person ID or Buypass ID column: ` +
      'people are told apart by name and birth date only.',
    'missing-name': (p) =>
      p.severity === 'error'
        ? 'the participant has no name; the row is left out'
        : `${p.field} is empty`,
    'impossible-birth-date': (p) => {
      const reason = param(p, 'reason');
      const date = quoted(p, en.empty);
      if (reason === 'future') return `${date} is in the future`;
      if (reason === 'too-old') return `${date} is before 1900`;
      return `${date} is not a real date`;
    },
    'unknown-gender': (p) =>
      `${quoted(p, en.empty)} is not a gender the import knows (K or M)`,
    'duplicate-entry': (p) =>
      'the same person is already entered in ' +
      `${param(p, 'exercise') || 'this exercise'} in row ` +
      `${param(p, 'firstRow')}; this row is a duplicate`,
    'unknown-status': (p) =>
      `${quoted(p, en.empty)} is not a status the import knows ` +
      '(Påmeldt or Avmeldt); read as registered',
    'bad-number': (p) => `${quoted(p, en.empty)} is not an amount; read as 0`,
    'bad-date': (p) =>
      param(p, 'kind') === 'time'
        ? `${quoted(p, en.empty)} is not a clock time; left empty`
        : `${quoted(p, en.empty)} is not a real date; left empty`,
    'bad-value': (p) =>
      `${quoted(p, en.empty)} is neither Ja nor Nei (J or N); ` +
      'read as not given',
  },
};

const nb: Phrases = {
  row: (row) => `Rad ${row}`,
  column: (letter, field) => `kolonne ${letter} (${field})`,
  empty: 'den tomme cellen',
  messages: {
    'not-an-isonen-export': (p) =>
      'Dette er ikke en deltakerliste fra iSonen: ' +
      `${plural(p) ? 'kolonnene' : 'kolonnen'} ${param(p, 'missing')} ` +
      'mangler.',
    'missing-column': (p) =>
      `Filen mangler kolonnene ${p.field}, Person ID og Buypass ID: ` +
      'deltakere skilles bare på navn og fødselsdato.',
    'missing-name': (p) =>
      p.severity === 'error'
        ? 'deltakeren har ikke navn; raden tas ikke med'
        : `${p.field} er tom`,
    'impossible-birth-date': (p) => {
      const reason = param(p, 'reason');
      const date = quoted(p, nb.empty);
      if (reason === 'future') return `${date} er fram i tid`;
      if (reason === 'too-old') return `${date} er før 1900`;
      return `${date} er ikke en gyldig dato`;
    },
    'unknown-gender': (p) =>
      `${quoted(p, nb.empty)} er ikke et kjønn importen kjenner (K eller M)`,
    'duplicate-entry': (p) =>
      'samme person er allerede påmeldt ' +
      `${param(p, 'exercise') || 'denne øvelsen'} i rad ` +
      `${param(p, 'firstRow')}; denne raden er en dublett`,
    'unknown-status': (p) =>
      `${quoted(p, nb.empty)} er ikke en status importen kjenner ` +
      '(Påmeldt eller Avmeldt); leses som påmeldt',
    'bad-number': (p) => `${quoted(p, nb.empty)} er ikke et beløp; leses som 0`,
    'bad-date': (p) =>
      param(p, 'kind') === 'time'
        ? `${quoted(p, nb.empty)} er ikke et klokkeslett; står tomt`
        : `${quoted(p, nb.empty)} er ikke en gyldig dato; står tomt`,
    'bad-value': (p) =>
      `${quoted(p, nb.empty)} er verken Ja eller Nei (J eller N); ` +
      'leses som ikke oppgitt',
  },
};

const phrases: Record<Lang, Phrases> = { en, nb };

/** Where the problem is: "Row 14, column E (Fødselsdato)", or ''. */
export const problemPlace = (problem: ImportProblem, lang: Lang): string => {
  if (problem.row <= 0) return '';
  const words = phrases[lang];
  const row = words.row(problem.row);
  return problem.column === ''
    ? row
    : `${row}, ${words.column(problem.column, problem.field)}`;
};

/** What is wrong, without where: for tables that show row and column. */
export const problemText = (problem: ImportProblem, lang: Lang): string =>
  phrases[lang].messages[problem.code](problem);

/** "Row 14, column E (Fødselsdato): "31.02.1990" is not a real date". */
export const problemMessage = (problem: ImportProblem, lang: Lang): string => {
  const text = problemText(problem, lang);
  const place = problemPlace(problem, lang);
  return place === '' ? text : `${place}: ${text}`;
};

/** Words for the import summary (`racedesk check` and the desk). */
export const summaryLabels = {
  en: {
    file: 'File',
    sheet: 'Sheet',
    rows: 'Rows',
    participants: 'Participants',
    entries: 'Entries (person and exercise)',
    deregistered: 'Deregistered',
    paymentRows: 'Extra payment rows',
    classes: 'Classes',
    problems: 'Problems',
    error: 'error',
    warning: 'warning',
    errors: 'errors',
    warnings: 'warnings',
    noProblems: 'No problems found.',
    more: 'more (see --json for all)',
    importable: 'The file can be imported.',
    importableWithWarnings:
      'The file can be imported; the warnings above are worth a look.',
    notImportable:
      'The file has errors: rows with errors would be left out of the import.',
    unreadable: 'The file cannot be read',
  },
  nb: {
    file: 'Fil',
    sheet: 'Ark',
    rows: 'Rader',
    participants: 'Deltakere',
    entries: 'Påmeldinger (person og øvelse)',
    deregistered: 'Avmeldte',
    paymentRows: 'Ekstra betalingsrader',
    classes: 'Klasser',
    problems: 'Problemer',
    error: 'feil',
    warning: 'advarsel',
    errors: 'feil',
    warnings: 'advarsler',
    noProblems: 'Ingen problemer funnet.',
    more: 'til (se --json for alle)',
    importable: 'Filen kan importeres.',
    importableWithWarnings:
      'Filen kan importeres; advarslene over er verdt en titt.',
    notImportable: 'Filen har feil: rader med feil blir utelatt fra importen.',
    unreadable: 'Filen kan ikke leses',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type SummaryLabels = (typeof summaryLabels)[Lang];
