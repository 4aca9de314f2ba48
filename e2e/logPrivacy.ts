// Global teardown (issue #5): after the run, the logs of everything the
// tests started (runLogs.ts: web hosts, central services, the simulator,
// the pages' consoles) are searched for the personal values of the demo
// data the run used: full names, e-mails, mobiles and birth dates. A hit
// fails the run with the file, the line and the kind of value; the value
// itself is masked, so the report does not leak it once more.
//
// The data is generated again here with the options e2e uses, all seed
// 2025 with the event on 2025-06-14:
// - the desk's demo event: demoExport({ participants: 3000 })
//   (renderer/store/rxDeskStore.ts);
// - the central service's --demo event: demoExport({ participants: N,
//   eventDate: '2025-06-14' }) with N from --demo-participants
//   (central/demo/seedDemo.ts, e2e/central.ts);
// - the sheets of e2e/exportFile.ts: demoExport({ participants: N, seed }).
// A smaller N gives the first people of a larger one except for its last
// registration, so every N up to maxParticipants is generated: a spec can
// pick its own number without a list here to keep up.
//
// And the values the tests type themselves, which no generator knows: the
// operator (e2e/pages/access.ts), late entries (DeskPage.addLateEntry),
// corrections (erasure.spec.ts). Each registers them with
// registerTypedValues as it types them: a JSON line in the run's logs
// folder (typed-values.jsonl, not a .log, so not scanned itself), read
// here at the end, as workers are other processes.

import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
} from 'node:fs';
import { join } from 'node:path';

import { type FullConfig, test } from '@playwright/test';

import { demoExport } from '../shared/demo/demoExport';
import { e2eOperator } from './pages/access';
import { logsDirOf, outputDir } from './runLogs';

type Kind = 'full name' | 'e-mail' | 'mobile' | 'birth date';

/** Above every N an e2e spec or central --demo-participants uses (300). */
const maxParticipants = 400;
const deskDemoParticipants = 3000;
const seeds = [2025];

export type PersonalValues = {
  /** Lower case, NFC. */
  names: Set<string>;
  /** Lower case. */
  emails: Set<string>;
  /** Eight digits, as generated. */
  mobiles: Set<string>;
  /** yyyy-mm-dd. */
  birthDates: Set<string>;
};

const isoOf = (dotted: string) => {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(dotted);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : dotted;
};

const fold = (text: string) => text.normalize('NFC').toLowerCase();

export const demoPersonalValues = (): PersonalValues => {
  const values: PersonalValues = {
    names: new Set(),
    emails: new Set(),
    mobiles: new Set(),
    birthDates: new Set(),
  };
  const add = (set: Set<string>, value: string | undefined) => {
    if (value) set.add(value);
  };
  const counts = [
    ...Array.from({ length: maxParticipants }, (_, i) => i + 1),
    deskDemoParticipants,
  ];
  for (const seed of seeds) {
    for (const participants of counts) {
      const table = demoExport({ participants, seed, eventDate: '2025-06-14' });
      const column = (header: string) => table.headers.indexOf(header);
      const first = column('Fornavn');
      const last = column('Etternavn');
      const email = column('E-post');
      const mobile = column('Mobil');
      const birth = column('Fødselsdato');
      const registrar = column('Påmeldt av');
      const registrarEmail = column('E-post påmelder');
      for (const { cells } of table.rows) {
        const name = `${cells[first] ?? ''} ${cells[last] ?? ''}`.trim();
        if (name.includes(' ')) values.names.add(fold(name));
        add(values.names, cells[registrar] && fold(cells[registrar]));
        add(values.emails, cells[email]?.toLowerCase());
        add(values.emails, cells[registrarEmail]?.toLowerCase());
        add(values.mobiles, cells[mobile]);
        add(values.birthDates, cells[birth] && isoOf(cells[birth]));
      }
    }
  }
  return values;
};

/** Personal values a test typed, as it typed them. */
export type TypedValues = {
  /** Full names: first and last name with a space between. */
  names?: string[];
  emails?: string[];
  mobiles?: string[];
  /** yyyy-mm-dd or dd.mm.yyyy. */
  birthDates?: string[];
};

export const typedValuesFile = (output: string) =>
  join(logsDirOf(output), 'typed-values.jsonl');

/**
 * The running test's project output (so `--output` moves the list with the
 * logs the teardown scans), or the configured one outside a test.
 */
const currentOutput = (): string => {
  try {
    return test.info().project.outputDir;
  } catch {
    return outputDir;
  }
};

/** Adds values a test types to the run's list; call before typing them. */
export const registerTypedValues = (
  values: TypedValues,
  output: string = currentOutput(),
): void => {
  mkdirSync(logsDirOf(output), { recursive: true });
  appendFileSync(typedValuesFile(output), `${JSON.stringify(values)}\n`);
};

/** What every run types, registered or not: the operator signs in. */
const alwaysTyped: TypedValues = { names: [e2eOperator.name] };

/** Reads the run's registered values into `values` (and the always typed). */
export const addTypedValues = (
  values: PersonalValues,
  output: string,
): number => {
  const file = typedValuesFile(output);
  const lines = existsSync(file)
    ? readFileSync(file, 'utf8').split('\n').filter(Boolean)
    : [];
  const all: TypedValues[] = [
    alwaysTyped,
    ...lines.map((line) => JSON.parse(line) as TypedValues),
  ];
  let added = 0;
  const add = (set: Set<string>, value: string) => {
    if (value === '' || set.has(value)) return;
    set.add(value);
    added += 1;
  };
  for (const typed of all) {
    for (const name of typed.names ?? []) {
      // A full name is what the scan matches: one word names no one.
      if (name.trim().includes(' ')) add(values.names, fold(name.trim()));
    }
    for (const email of typed.emails ?? []) {
      add(values.emails, email.trim().toLowerCase());
    }
    for (const mobile of typed.mobiles ?? []) {
      add(values.mobiles, mobile.replace(/\s+/g, ''));
    }
    for (const date of typed.birthDates ?? [])
      add(values.birthDates, isoOf(date));
  }
  return added;
};

/** Every character but the first and the separators as `*`. */
export const masked = (value: string) =>
  value.replace(/[\p{L}\p{N}]/gu, (char, at: number) =>
    at === 0 ? char : '*',
  );

export type Finding = { kind: Kind; value: string };

const words = /[\p{L}\p{M}]+/gu;
const emails = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const isoDates = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
const dottedDates = /(?<!\d)(\d{2})\.(\d{2})\.(\d{4})(?!\d)/g;
// Digit groups apart by single spaces: "41234567", "+47 412 34 567".
const digitGroups = /\+?\d+(?: \d+)*/g;

/** What a line's text holds of the values, in the order found. */
const findIn = (text: string, values: PersonalValues): Finding[] => {
  const found: Finding[] = [];
  const lower = fold(text);

  // Full names: two to five words in a row with only spaces (or a hyphen)
  // between.
  const tokens = [...lower.matchAll(words)];
  for (let i = 0; i < tokens.length; i++) {
    let name = tokens[i]?.[0] ?? '';
    for (let j = i + 1; j < Math.min(tokens.length, i + 5); j++) {
      const before = tokens[j - 1];
      const token = tokens[j];
      if (!before || !token) break;
      const gap = lower.slice(before.index + before[0].length, token.index);
      // Spaces between names, or the hyphen inside one ("Rettesen-Holm").
      if (!/^\s+$/.test(gap) && gap !== '-') break;
      name = `${name}${gap === '-' ? '-' : ' '}${token[0]}`;
      if (values.names.has(name))
        found.push({ kind: 'full name', value: name });
    }
  }

  // E-mails, also with something glued to the front of the local part.
  for (const [candidate] of lower.matchAll(emails)) {
    const at = candidate.indexOf('@');
    const domain = candidate.slice(at);
    for (let start = 0; start < at; start++) {
      const email = candidate.slice(start, at) + domain;
      if (values.emails.has(email)) {
        found.push({ kind: 'e-mail', value: email });
        break;
      }
    }
  }

  for (const match of text.matchAll(isoDates)) {
    if (values.birthDates.has(match[0])) {
      found.push({ kind: 'birth date', value: match[0] });
    }
  }
  for (const match of text.matchAll(dottedDates)) {
    if (values.birthDates.has(`${match[3]}-${match[2]}-${match[1]}`)) {
      found.push({ kind: 'birth date', value: match[0] });
    }
  }

  // Mobiles as generated, with +47 or 0047 in front, or spaced out: every
  // run of up to four neighbouring digit groups.
  for (const [run] of text.matchAll(digitGroups)) {
    const groups = run.replace(/^\+/, '').split(' ');
    for (let i = 0; i < groups.length; i++) {
      let digits = '';
      for (let j = i; j < Math.min(groups.length, i + 4); j++) {
        digits += groups[j];
        const local =
          digits.length === 10 && digits.startsWith('47')
            ? digits.slice(2)
            : digits.length === 12 && digits.startsWith('0047')
              ? digits.slice(4)
              : digits;
        if (values.mobiles.has(local)) {
          found.push({ kind: 'mobile', value: digits });
        }
      }
    }
  }
  return found;
};

/** The text as is, and with URL or JSON \u escapes undone. */
const readings = (line: string): string[] => {
  const out = [line];
  if (line.includes('%')) {
    try {
      out.push(decodeURIComponent(line.replace(/\+/g, ' ')));
    } catch {
      // Not URL-encoded after all; the line as is was searched.
    }
  }
  if (line.includes('\\u')) {
    out.push(
      line.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      ),
    );
  }
  return out;
};

export type LineFinding = Finding & { file: string; line: number };

export const scanLogs = (dir: string, values: PersonalValues) => {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.log'))
        .sort()
    : [];
  const findings: LineFinding[] = [];
  let lines = 0;
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const [index, line] of text.split('\n').entries()) {
      lines += 1;
      const seen = new Set<string>();
      for (const reading of readings(line)) {
        for (const finding of findIn(reading, values)) {
          // One of each kind per line: "+47 412 34 567" is one mobile.
          if (seen.has(finding.kind)) continue;
          seen.add(finding.kind);
          findings.push({ ...finding, file, line: index + 1 });
        }
      }
    }
  }
  return { files, lines, findings };
};

const shown = 30;

/**
 * What the run left in outputDir besides the logs: a test's own folder
 * (host-data, sheets, traces). Dot entries are Playwright's bookkeeping.
 */
const testOutputIn = (output: string) =>
  readdirSync(output).filter(
    (name) => name !== 'logs' && !name.startsWith('.'),
  );

export default async function logPrivacy(config: FullConfig) {
  const outputs = [...new Set(config.projects.map((p) => p.outputDir))];
  for (const output of outputs) {
    const values = demoPersonalValues();
    const typed = addTypedValues(values, output);
    const dir = logsDirOf(output);
    if (!existsSync(dir)) {
      throw new Error(
        `log scan: no logs folder ${dir}; the global setup makes it and the processes e2e starts write there (e2e/runLogs.ts)`,
      );
    }
    const { files, lines, findings } = scanLogs(dir, values);
    if (files.length === 0) {
      // A run that started nothing of ours (electron.spec.ts alone, skipped
      // without Electron) has nothing to scan; a run whose tests left
      // output but no log has lost its logs on the way.
      const others = testOutputIn(output);
      if (others.length > 0) {
        throw new Error(
          `log scan: ${dir} holds no log, so nothing was searched, yet tests wrote ${others.length} folder(s) to ${output} (e.g. ${others[0]}); every host, central service and desk page of a test writes its log there (e2e/runLogs.ts)`,
        );
      }
      console.log(
        `log scan: no test of this run started a host, central service or desk page; ${dir} is empty`,
      );
      continue;
    }
    if (findings.length > 0) {
      const list = findings
        .slice(0, shown)
        .map((f) => `  ${f.file}:${f.line}: ${f.kind} ${masked(f.value)}`);
      const more =
        findings.length > shown
          ? [`  … and ${findings.length - shown} more`]
          : [];
      throw new Error(
        [
          `log scan: ${findings.length} personal value(s) of the demo data in the e2e logs (issue #5), in ${dir}:`,
          ...list,
          ...more,
        ].join('\n'),
      );
    }
    console.log(
      `log scan: ${files.length} logs, ${lines} lines in ${dir}: no name, e-mail, mobile or birth date of the demo data or of the ${typed} values the tests typed`,
    );
  }
}
