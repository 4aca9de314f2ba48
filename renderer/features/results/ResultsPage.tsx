// Placeholder page until this area is built.

import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const ResultsPage = () => {
  const { t } = useTranslation();
  return <Text p="md">{t('results.nav')}</Text>;
};
