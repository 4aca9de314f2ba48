// A yyyy-mm-dd day as the operator reads dates.

import { dateFormat } from '../../i18n/formats';

export const formatDay = (day: string, language: string): string => {
  const date = new Date(`${day}T12:00:00`);
  if (Number.isNaN(date.getTime())) return day;
  return dateFormat(language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
};
