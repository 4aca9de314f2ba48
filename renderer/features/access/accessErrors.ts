// The directory's refusals in the operator's language, by field.

import type { TFunction } from 'i18next';

import type { AppError } from '../../../shared/contract/result';
import { minPasswordLength } from '../../access/operatorDirectory';

export type AccessField = 'login' | 'name' | 'password' | 'repeat';

const keyByCode: Record<string, string> = {
  'bad-login': 'access.badLogin',
  'bad-name': 'access.badName',
  'weak-password': 'access.weakPassword',
  'login-taken': 'access.loginTaken',
  'bad-credentials': 'access.badCredentials',
};

export const accessErrorText = (error: AppError, t: TFunction): string => {
  const key = keyByCode[error.code];
  return key ? t(key, { min: minPasswordLength }) : error.message;
};

export const accessErrorField = (error: AppError): AccessField | null => {
  const field = error.data?.field;
  return field === 'login' || field === 'name' || field === 'password'
    ? field
    : null;
};
