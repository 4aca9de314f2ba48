// Times computeResults at the scale the issue designs for:
//   npx tsx node/results/compute.bench.ts [starters] [passings]
// 50,000 starts in 100 classes with chips, 200,000 passings (controls and
// finishes, some repeats, some unknown chips), mass starts.

import { formatClock } from '../../shared/results/clock';
import { computeResults } from '../../shared/results/compute';
import { defaultRaceSetup } from '../../shared/results/setup';
import type {
  RaceSetup,
  ResultPassing,
  Starter,
} from '../../shared/results/types';

const starters = Number(process.argv[2] ?? 50_000);
const passingCount = Number(process.argv[3] ?? 200_000);

let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

const classes = 100;
const setup: RaceSetup = {
  ...defaultRaceSetup,
  defaults: {
    ...defaultRaceSetup.defaults,
    start: { mode: 'mass', startTime: '10:00:00' },
    requiredControls: [31, 32],
  },
};
const list: Starter[] = Array.from({ length: starters }, (_, i) => ({
  participantId: `p${i}`,
  className: `Class ${i % classes}`,
  bib: String(i + 1),
  chip: String(100_000 + i),
  startTime: '',
  checkedIn: true,
  name: `Runner ${i}`,
  club: 'Club',
}));
const passings: ResultPassing[] = Array.from({ length: passingCount }, () => {
  const runner = Math.floor(random() * starters * 1.02);
  const station = ['31', '32', 'c1'][Math.floor(random() * 3)] ?? 'c1';
  const at = 36_000_000 + Math.floor(random() * 7_200_000);
  return { chip: String(100_000 + runner), station, time: formatClock(at) };
});

const cpu = process.cpuUsage();
const wall = performance.now();
const result = computeResults({
  setup,
  starters: list,
  passings,
  closed: true,
});
const used = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({
    starters,
    passings: passingCount,
    classes: result.classes.length,
    unmatched: result.unmatched.length,
    wallMs: Math.round(performance.now() - wall),
    cpuMs: Math.round((used.user + used.system) / 1000),
  })}\n`,
);
