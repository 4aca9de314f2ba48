// How a field of a participant reads in a list: the texts for codes
// (gender, status, payment method, consent) in both languages, and the
// license facts that iSonen's export gives only indirectly.

import type { Entry, Participant } from '../domain/participant';
import type { Lang } from '../i18n/problems';

export type ConsentKind = keyof Participant['consents'];

export const exerciseText = (entry: Entry, lang: Lang) => {
  const name = [entry.className, entry.exercise].filter(Boolean).join(' ');
  if (entry.status === 'active') return name;
  return `${name} (${lang === 'nb' ? 'avmeldt' : 'deregistered'})`;
};

/** The license number: the season license, else a one-day license. */
export const licenseNumber = (p: Participant): string =>
  p.license.seasonLicense || p.license.oneDayLicense;

export const licenseProducts = {
  season: { nb: 'Helårslisens', en: 'Season license' },
  oneDay: { nb: 'Engangslisens', en: 'One-day license' },
  other: { nb: 'Lisens', en: 'License' },
} as const;

export const licenseProduct = (p: Participant, lang: Lang): string => {
  if (p.license.product !== '') return p.license.product;
  if (p.license.seasonLicense !== '') return licenseProducts.season[lang];
  if (p.license.oneDayLicense !== '') return licenseProducts.oneDay[lang];
  return p.license.hasLicense ? licenseProducts.other[lang] : '';
};

/**
 * When the license was bought. iSonen's export has no purchase time of its
 * own; a one-day license is bought with the entry, so it is the time of
 * the first registration. A season license's purchase is not in the file.
 */
export const licensePurchasedAt = (p: Participant): string => {
  if (p.license.purchasedAt !== '') return p.license.purchasedAt;
  if (p.license.seasonLicense !== '' || p.license.oneDayLicense === '') {
    return '';
  }
  return p.registrations[0]?.registeredAt ?? '';
};

export const registrationTypes = {
  self: { nb: 'Seg selv', en: 'Self' },
  family: { nb: 'Familiemedlem', en: 'Family member' },
  organization: { nb: 'Klubb/krets/særforbund', en: 'Organization' },
} as const;

export const paymentMethods = {
  vipps: { nb: 'Vipps', en: 'Vipps' },
  card: { nb: 'Kort', en: 'Card' },
  invoice: { nb: 'Faktura', en: 'Invoice' },
  cash: { nb: 'Kontant', en: 'Cash' },
} as const;

export const genders = {
  female: { nb: 'K', en: 'F' },
  male: { nb: 'M', en: 'M' },
} as const;

export const statuses = {
  active: { nb: 'Påmeldt', en: 'Registered' },
  deregistered: { nb: 'Avmeldt', en: 'Deregistered' },
} as const;

export const consentTexts = {
  yes: { nb: 'Ja', en: 'Yes' },
  no: { nb: 'Nei', en: 'No' },
} as const;

/** Reserved against: the participant said no to this kind of media. */
export const reserved = (p: Participant, kind: ConsentKind): boolean =>
  p.consents[kind] === 'no';
