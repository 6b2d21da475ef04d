import { t } from '../i18n';

/** The open-now wording for the browser script, as a `data-open-now-labels` attribute value. */
export function openNowLabels(): string {
  return JSON.stringify({
    open: t('openNow.open'),
    closedOpens: t('openNow.closedOpens'),
    closed: t('openNow.closed'),
    today: t('openNow.today'),
    tomorrow: t('openNow.tomorrow'),
  });
}
