import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { changeLanguage } from '../../i18n/i18n';
import { isLanguage } from '../../i18n/language';

export const LanguageSwitch = () => {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={i18n.language}
      onChange={(value) => {
        if (isLanguage(value)) void changeLanguage(value);
      }}
      data={[
        { value: 'nb', label: 'NB' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
};
