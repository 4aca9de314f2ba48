import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useDesk } from '../shell/deskContext';
import { errorText } from '../shell/errorText';
import { rememberEvent } from '../shell/lastEvent';

/** For people without a file: a made-up event to try the desk on. */
export const DemoButton = ({ onLoaded }: { onLoaded(): void }) => {
  const { t } = useTranslation();
  const { store, reportSaved, reportError } = useDesk();
  const [loading, setLoading] = useState(false);

  const load = async () => {
    setLoading(true);
    const result = await store.loadDemo();
    setLoading(false);
    if (!result.ok) {
      reportError(errorText(result.error, t));
      return;
    }
    rememberEvent(result.value.id);
    reportSaved({ key: 'done.import' }, result.value.name);
    onLoaded();
  };

  return (
    <Button variant="light" loading={loading} onClick={() => void load()}>
      {t('empty.demo')}
    </Button>
  );
};
