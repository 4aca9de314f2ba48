// Texts of the devices pages, in bokmål and English; nb.ts and en.ts put them
// under the key 'devices'.

import type { Messages } from '../../i18n/en';

export const devicesNb = {
  nav: 'Tidtakerutstyr',
} as const;

export const devicesEn: Messages<typeof devicesNb> = {
  nav: 'Timing devices',
};
