// Texts of the results pages, in bokmål and English; nb.ts and en.ts put them
// under the key 'results'.

import type { Messages } from '../../i18n/en';

export const resultsNb = {
  nav: 'Resultater',
} as const;

export const resultsEn: Messages<typeof resultsNb> = {
  nav: 'Results',
};
