// Store errors arrive as data with a code (shared/desk/rules.ts, bibs.ts);
// the desk shows the known ones in the operator's language and any other
// as the store worded it.

import type { TFunction } from 'i18next';

import type { AppError } from '../../../shared/contract/result';

const param = (data: AppError['data'], key: string): string => {
  const value = data?.[key];
  return typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : '';
};

const keyByCode: Record<string, string> = {
  'bad-bib': 'errors.badBib',
  'bib-changed': 'errors.bibChanged',
  deregistered: 'errors.deregistered',
  'already-checked-in': 'errors.alreadyCheckedIn',
  'not-checked-in': 'errors.notCheckedIn',
  'no-range': 'errors.noRange',
  'range-full': 'errors.rangeFull',
  'bad-range': 'errors.badRange',
  'no-event': 'errors.noEvent',
  'import-invalid': 'errors.importInvalid',
  'import-stale': 'errors.importStale',
  'import-conflict': 'errors.importConflict',
};

export const errorText = (error: AppError, t: TFunction): string => {
  const data = error.data;
  const params = {
    bib: param(data, 'bib'),
    name: param(data, 'name'),
    className: param(data, 'className'),
    first: param(data, 'first'),
    last: param(data, 'last'),
  };

  if (error.code === 'bib-taken') {
    const holder = param(data, 'holderName');
    return holder
      ? t('errors.bibTaken', { bib: params.bib, holder })
      : t('errors.bibTakenNoName', { bib: params.bib });
  }
  const key = keyByCode[error.code];
  return key ? t(key, params) : t('errors.generic', { message: error.message });
};
