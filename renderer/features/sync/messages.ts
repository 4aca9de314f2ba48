// Texts of the sync pages, in bokmål and English; nb.ts and en.ts put them
// under the key 'sync'.

import type { Messages } from '../../i18n/en';

export const syncNb = {
  nav: 'Synkronisering',
} as const;

export const syncEn: Messages<typeof syncNb> = {
  nav: 'Sync',
};
