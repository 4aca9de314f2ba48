// `racedesk simulate`: one central service, N desks, faults, and the
// invariants of issue #3 checked at the end (cli/simulate/run.ts).

import { type CliIo, type Command, exitCodes } from './command';
import { parseSimulateOptions, simulateUsage } from './simulate/options';
import { runSimulation, type SimulateHooks } from './simulate/run';

/** The command with hooks; tests break the checked world through them. */
export const runSimulate = async (
  args: string[],
  io: CliIo,
  hooks: SimulateHooks = {},
): Promise<number> => {
  const options = parseSimulateOptions(args);
  if (!options.ok) {
    io.err(`${options.error.message}\nUsage: ${simulateUsage}\n`);
    return exitCodes.unusable;
  }
  const report = await runSimulation(
    options.value,
    (line) => io.out(`${line}\n`),
    hooks,
  );
  return report.ok ? exitCodes.ok : exitCodes.problems;
};

export const simulateCommand: Command = {
  name: 'simulate',
  summary:
    'Run a central service and N desks with faults; check that nothing is lost, doubled or split',
  usage: simulateUsage,
  run: (args, io) => runSimulate(args, io),
};
