// What a `racedesk` subcommand is. main.ts lists them in a table, one line
// per command, so a new command is one new file and one new line.

export type CliIo = {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
};

export type Command = {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The usage line(s) shown by `racedesk <name> --help`. */
  usage: string;
  /** Resolves to the process exit code. */
  run: (args: string[], io: CliIo) => Promise<number>;
};

/** Exit codes shared by the commands. */
export const exitCodes = {
  ok: 0,
  /** The input was read but has problems (e.g. rows with errors). */
  problems: 1,
  /** The input could not be read, or the command line was wrong. */
  unusable: 2,
} as const;
