// The worker that builds a start list file (startListBuild.ts); the text
// goes back transferred, not copied.

import { buildStartList, type StartListJob } from './startListBuild';

addEventListener('message', (event: MessageEvent<StartListJob>) => {
  const file = buildStartList(event.data);
  postMessage(file, { transfer: [file.text.buffer] });
});
