// The operator's language choice, kept per machine in localStorage.

export const languages = ['nb', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'racedesk:language';

export const isLanguage = (value: unknown): value is Language =>
  languages.some((l) => l === value);

export const storedLanguage = (storage: Pick<Storage, 'getItem'>): Language => {
  const value = storage.getItem(storageKey);
  return isLanguage(value) ? value : 'nb';
};

export const storeLanguage = (
  storage: Pick<Storage, 'setItem'>,
  language: Language,
): void => {
  storage.setItem(storageKey, language);
};
