// Number and date formats in the operator's language, made once each:
// building an Intl formatter costs about a millisecond, and the header and
// the recent saves format dates on every render (a finish rush renders
// many times a second).

const localeOf = (language: string) => (language === 'en' ? 'en-GB' : 'nb-NO');

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export const dateFormat = (
  language: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat => {
  const key = `${localeOf(language)} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(language), options);
    dateFormats.set(key, format);
  }
  return format;
};

export const numberFormat = (
  language: string,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat => {
  const key = `${localeOf(language)} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(language), options);
    numberFormats.set(key, format);
  }
  return format;
};
