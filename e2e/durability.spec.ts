// A check-in the desk showed as saved survives the browser being killed:
// IndexedDB must have committed it durably before "Lagret" appeared.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { launchKillableChromium } from './browserProcess';
import { writeExportFile } from './exportFile';
import { expect, test } from './fixtures';
import { DeskPage } from './pages/desk';

test('a saved check-in survives SIGKILL of the browser', async ({
  host,
}, testInfo) => {
  // Two browser starts on a real profile; slow on a busy machine.
  test.slow();
  const profile = await mkdtemp(join(tmpdir(), 'racedesk-profile-'));
  try {
    const first = await launchKillableChromium(profile);
    const desk = new DeskPage(first.page, host.url);
    await desk.open();
    const file = await writeExportFile(testInfo.outputPath('små.xlsx'), 40);
    await desk.importFile(file.path, 'Kveldsløp', 40);
    await desk.goTo('Innsjekk');
    const person = file.people[0];
    if (person === undefined) throw new Error('The export has nobody active');
    const personId = person.personId;
    await desk.openByCode(personId);
    await desk.expectNotCheckedIn();
    await desk.checkIn();
    await desk.expectCheckedIn();

    await first.kill();

    const second = await launchKillableChromium(profile);
    try {
      const again = new DeskPage(second.page, host.url);
      await again.open();
      await again.openByCode(personId);
      expect(await again.personId()).toBe(personId);
      await again.expectCheckedIn();
    } finally {
      await second.kill();
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
