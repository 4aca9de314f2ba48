// With --profile, the slow steps run under the V8 CPU profiler: the top
// functions by self time are printed and the .cpuprofile is kept for
// DevTools, so a missed goal comes with what dominates it.

import { writeFile } from 'node:fs/promises';
import type { CDPSession } from 'playwright-core';

type ProfileNode = {
  id: number;
  hitCount?: number;
  callFrame: {
    functionName: string;
    url: string;
    lineNumber: number;
  };
};

type Profile = {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
};

export type Hotspot = { name: string; ms: number; share: number };

export const startProfile = async (cdp: CDPSession) => {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
};

const where = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.split('/').at(-1) ?? '';
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
};

export const hotspots = (profile: Profile, top: number): Hotspot[] => {
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const samples = profile.samples?.length ?? 0;
  const msPerSample = samples === 0 ? 0 : totalMs / samples;
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const name = where(node);
    byName.set(name, (byName.get(name) ?? 0) + (node.hitCount ?? 0));
  }
  return [...byName.entries()]
    .map(([name, hits]) => ({
      name,
      ms: hits * msPerSample,
      share: samples === 0 ? 0 : hits / samples,
    }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
};

export const stopProfile = async (
  cdp: CDPSession,
  label: string,
  path: string,
): Promise<Hotspot[]> => {
  const { profile } = await cdp.send('Profiler.stop');
  return reportProfile(profile, label, path);
};

/** Prints the top functions by self time and keeps the whole profile. */
export const reportProfile = async (
  profile: Profile,
  label: string,
  path: string,
): Promise<Hotspot[]> => {
  await writeFile(path, JSON.stringify(profile));
  const top = hotspots(profile, 15);
  console.log(`\nprofile of ${label} (self time; ${path}):`);
  for (const spot of top) {
    const share = `${(spot.share * 100).toFixed(1)}%`.padStart(6);
    console.log(
      `  ${share} ${spot.ms.toFixed(0).padStart(6)} ms  ${spot.name}`,
    );
  }
  return top;
};
