// One logger for the Node side (Electron main, the web host, the CLI), with a
// child per module. Operators read these logs after an event day, and the
// laptop may leave the venue: personal fields are censored wherever they
// appear in a logged object, so a careless `log.info({ participant })` does
// not put a name or a phone number on disk.

import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/** Field names that hold personal data in the domain types. */
export const personalFields = [
  'firstName',
  'lastName',
  'name',
  'email',
  'mobile',
  'phone',
  'birthDate',
  'registrarName',
  'registrarEmail',
] as const;

// pino's redaction matches exact paths; `*` stands for one level of keys or
// array items. Up to four levels cover the shapes we log, such as
// `payload.participant.registrations[0].registrarEmail`.
const maxDepth = 4;

const pathShapes = (field: string): string[] =>
  Array.from({ length: maxDepth + 1 }, (_, depth) =>
    [...Array<string>(depth).fill('*'), field].join('.'),
  );

export const redactedPaths: readonly string[] =
  personalFields.flatMap(pathShapes);

export const redactedText = '[redacted]';

export type LoggerOptions = {
  level?: string;
  /** Where lines go; stderr by default, so stdout stays for program output. */
  destination?: DestinationStream;
};

export const createLogger = (options: LoggerOptions = {}): Logger =>
  pino(
    {
      level: options.level ?? 'info',
      base: { app: 'racedesk' },
      redact: { paths: [...redactedPaths], censor: redactedText },
    },
    options.destination ?? pino.destination(2),
  );

// Lines go to stderr, and to a file once a shell adds one (Electron keeps
// its log in the user's log folder; a packaged app has no terminal).
const outputs = pino.multistream([
  { level: 'trace', stream: pino.destination(2) },
]);

const rootLogger = createLogger({
  level: process.env.RACEDESK_LOG_LEVEL ?? 'info',
  destination: outputs,
});

/** The logger for one module, e.g. `moduleLogger('host')`. */
export const moduleLogger = (module: string): Logger =>
  rootLogger.child({ module });

/** Also writes every logger's lines to `path` (appended, folder made). */
export const addLogFile = (path: string) => {
  outputs.add({
    level: 'trace',
    stream: pino.destination({ dest: path, mkdir: true, sync: false }),
  });
};
