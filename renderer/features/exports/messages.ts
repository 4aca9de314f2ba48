// Texts of the exports pages, in bokmål and English; nb.ts and en.ts put them
// under the key 'exports'.

import type { Messages } from '../../i18n/en';

export const exportsNb = {
  nav: 'Lister',
} as const;

export const exportsEn: Messages<typeof exportsNb> = {
  nav: 'Lists',
};
