/** Settings that need a new worker run: seed, split seed, schedule, student epochs. They apply on reset. */
import type { Schedule } from '../train/config';
import { SETTINGS } from '../settings/table';
import { configSelectors } from '../state/configSlice';
import { useStudio, studioStore } from '../state/store';
import type { MessageKey } from './i18n/translate';
import { useT } from './i18n/useT';
import { NumberField } from './NumberField';

const SCHEDULES: readonly { value: Schedule; key: MessageKey }[] = [
  { value: 'checkpoint', key: 'schedule.checkpoint' },
  { value: 'teacher-first', key: 'schedule.teacherFirst' },
  { value: 'online', key: 'schedule.online' },
];

export function RunSettings() {
  const t = useT();
  const seed = useStudio(configSelectors.seed);
  const splitSeed = useStudio(configSelectors.splitSeed);
  const schedule = useStudio(configSelectors.schedule);
  const epochs = useStudio(configSelectors.epochs);
  const needsReload = useStudio(configSelectors.needsReload);
  const s = studioStore.getState();
  return (
    <div className="run-settings">
      <NumberField label={t('settings.seed')} value={seed} setting={SETTINGS.seed} onCommit={s.setSeed} />
      <NumberField label={t('settings.splitSeed')} value={splitSeed} setting={SETTINGS.splitSeed} onCommit={s.setSplitSeed} />
      <NumberField label={t('settings.epochs')} value={epochs} setting={SETTINGS.epochs} onCommit={s.setEpochs} />
      <div className="field">
        <label htmlFor="schedule">{t('settings.schedule')}</label>
        <select id="schedule" value={schedule} onChange={(e) => s.setSchedule(e.target.value as Schedule)}>
          {SCHEDULES.map((o) => (
            <option key={o.value} value={o.value}>
              {t(o.key)}
            </option>
          ))}
        </select>
      </div>
      <p className={needsReload ? 'hint attention' : 'hint'} role={needsReload ? 'status' : undefined}>
        {needsReload ? t('settings.pendingReset') : t('settings.appliesOnReset')}
      </p>
    </div>
  );
}
