// "Scan checks in" is a per-desk habit, so it is kept in localStorage.

import { useState } from 'react';

const storageKey = 'racedesk:scanChecksIn';

export const useScanChecksIn = (): [boolean, (value: boolean) => void] => {
  const [value, setValue] = useState(
    () => window.localStorage.getItem(storageKey) === 'true',
  );
  const update = (next: boolean) => {
    window.localStorage.setItem(storageKey, String(next));
    setValue(next);
  };
  return [value, update];
};
