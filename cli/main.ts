// `racedesk <command>`: the command-line tools around the desk. Each command
// is its own file; this table is the only place that lists them.

import { checkCommand } from './check';
import { type CliIo, type Command, exitCodes } from './command';
import { convertCommand } from './convert';
import { demoFileCommand } from './demoFile';
import { deviceCommand } from './device';
import { resultsCommand } from './results';
import { simulateCommand } from './simulate';

const commands: readonly Command[] = [
  checkCommand,
  convertCommand,
  demoFileCommand,
  deviceCommand,
  resultsCommand,
  simulateCommand,
];

const usage = () => {
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map(
    (command) => `  ${command.name.padEnd(width)}  ${command.summary}`,
  );
  return [
    'Usage: racedesk <command> [options]',
    '',
    'Commands:',
    ...list,
    '',
    'racedesk <command> --help shows the options of a command.',
    '',
  ].join('\n');
};

export const main = async (args: string[], io: CliIo): Promise<number> => {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    io.out(usage());
    return name === undefined ? exitCodes.unusable : exitCodes.ok;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`Unknown command: ${name}\n\n${usage()}`);
    return exitCodes.unusable;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}\n\n${command.summary}.\n`);
    return exitCodes.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // parseArgs throws on unknown options; say so instead of a stack trace.
    const detail = error instanceof Error ? error.message : String(error);
    io.err(`${detail}\nUsage: ${command.usage}\n`);
    return exitCodes.unusable;
  }
};

process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
});
