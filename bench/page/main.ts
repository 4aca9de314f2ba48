// Entry of the bench page. With ?open=<event> it opens that event as the
// desk does on start; with ?floor=getall it reads the floor's records;
// otherwise it waits for the runner's calls on window.bench.

import { createBenchApi, floorDbName } from './api';
import { openEventOnLoad, readAllOnLoad } from './open';

const params = new URLSearchParams(location.search);
const status = document.getElementById('status');
const eventId = params.get('open');

const start = async () => {
  if (eventId !== null) {
    const db = params.get('db') ?? '';
    window.benchOpen = await openEventOnLoad(
      db,
      eventId,
      params.get('q') ?? '',
      params.get('key'),
    );
  } else if (params.get('floor') === 'getall') {
    window.benchOpen = await readAllOnLoad(floorDbName);
  }
  window.bench = createBenchApi();
  if (status) status.textContent = 'ready';
};

start().catch((error: unknown) => {
  if (status) status.textContent = `failed: ${String(error)}`;
});
