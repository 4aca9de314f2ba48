// The language of the CLI's text: --lang wins, else the system locale as
// POSIX orders it (LC_ALL, then LC_MESSAGES, then LANG).

import type { Lang } from '../shared/i18n/problems';

export const systemLang = (
  env: Readonly<Record<string, string | undefined>>,
): Lang => {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find(
    (value) => value !== undefined && value !== '',
  );
  return locale !== undefined && /^(nb|nn|no)([_.@-]|$)/i.test(locale)
    ? 'nb'
    : 'en';
};

/** The --lang value as a Lang, or null when it is neither nb nor en. */
export const langOption = (
  value: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Lang | null => {
  if (value === undefined) return systemLang(env);
  return value === 'nb' || value === 'en' ? value : null;
};
