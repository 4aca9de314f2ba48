import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { changeLanguage } from '../../i18n/i18n';
import { isLanguage } from '../../i18n/language';

/**
 * Named in both languages at once, so whoever switched to the wrong one
 * (and a test) finds the way back by the same name.
 */
export const languageSwitchLabel = 'Språk / Language';

export const LanguageSwitch = () => {
  const { i18n } = useTranslation();
  return (
    <NativeSelect
      size="xs"
      w={96}
      style={{ flexShrink: 0 }}
      aria-label={languageSwitchLabel}
      value={i18n.language}
      onChange={(e) => {
        const value = e.currentTarget.value;
        if (isLanguage(value)) void changeLanguage(value);
      }}
      data={[
        { value: 'nb', label: 'Bokmål' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
};
