// `racedesk simulate`: one central service, N desks, faults, and the
// invariants of issue #3 checked at the end (cli/simulate/run.ts).

import { type Command, exitCodes } from './command';
import { parseSimulateOptions, simulateUsage } from './simulate/options';
import { runSimulation } from './simulate/run';

export const simulateCommand: Command = {
  name: 'simulate',
  summary:
    'Run a central service and N desks with faults; check that nothing is lost, doubled or split',
  usage: simulateUsage,
  async run(args, io) {
    const options = parseSimulateOptions(args);
    if (!options.ok) {
      io.err(`${options.error.message}\nUsage: ${simulateUsage}\n`);
      return exitCodes.unusable;
    }
    const report = await runSimulation(options.value, (line) =>
      io.out(`${line}\n`),
    );
    return report.ok ? exitCodes.ok : exitCodes.problems;
  },
};
