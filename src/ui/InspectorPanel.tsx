/**
 * Recommendations inspector: pick an evaluated user; see their history and the three models'
 * top-10 side by side, the held-out test item highlighted, and each student's overlap with the
 * teacher. Titles are React text children only.
 */
import { useId } from 'react';
import { datasetSelectors } from '../state/datasetSlice';
import { runSelectors } from '../state/runSlice';
import { useStudio, studioStore } from '../state/store';
import { uiSelectors } from '../state/uiSlice';
import { useFmt, useT } from './i18n/useT';
import { useItemNames, type ItemNames } from './itemTitle';
import { ItemName } from './ItemName';
import { MODEL_SERIES } from './modelSeries';
import { Trans } from './i18n/Trans';
import { NumberField } from './NumberField';
import { Panel } from './Panel';

/** History items listed before "and N more". */
const HISTORY_SHOWN = 12;

export function InspectorPanel() {
  const t = useT();
  const f = useFmt();
  const split = useStudio(datasetSelectors.split);
  const userKeys = useStudio(datasetSelectors.userKeys);
  const user = useStudio(uiSelectors.selectedUser);
  const recs = useStudio(runSelectors.recs);
  const names = useItemNames();
  if (!split || user === null || user >= split.nUsers) {
    return (
      <Panel title={t('inspect.title')} className="area-inspect" testId="panel-inspector">
        <p className="empty">{t('inspect.empty')}</p>
      </Panel>
    );
  }
  const evalUsers = split.evalUsers;
  const position = evalUsers.indexOf(user);
  const pick = (n: number) => studioStore.getState().selectUser(evalUsers[n - 1]);
  const history = split.histItems.subarray(split.histOffsets[user], split.histOffsets[user + 1]);
  const heldOut = split.testItem[user];
  const current = recs && recs.user === user ? recs : null;
  const teacherSet = new Set(current?.teacher ?? []);
  const overlap = (list: Int32Array) => list.reduce((n, i) => n + (teacherSet.has(i) ? 1 : 0), 0);
  return (
    <Panel title={t('inspect.title')} className="area-inspect" testId="panel-inspector">
      <div className="inspect-head">
        <NumberField
          label={t('inspect.userNumber', { count: f.int(evalUsers.length) })}
          value={position >= 0 ? position + 1 : 1}
          min={1}
          max={Math.max(1, evalUsers.length)}
          onCommit={pick}
        />
        <button type="button" onClick={() => pick(Math.max(1, position))} disabled={position <= 0}>
          {t('inspect.prev')}
        </button>
        <button type="button" onClick={() => pick(Math.min(evalUsers.length, position + 2))} disabled={position >= evalUsers.length - 1}>
          {t('inspect.next')}
        </button>
        <span className="tag">
          <Trans k="inspect.userId" parts={{ id: <span translate="no">{userKeys[user] ?? String(user)}</span> }} />
        </span>
      </div>
      <div className="inspect-grid">
        <div>
          <h3>{t('inspect.history', { count: f.int(history.length) })}</h3>
          <ul className="items">
            {Array.from(history.subarray(0, HISTORY_SHOWN), (i) => (
              <li key={i}>
                <ItemName names={names} item={i} />
              </li>
            ))}
          </ul>
          {history.length > HISTORY_SHOWN && <p className="hint">{t('inspect.more', { count: f.int(history.length - HISTORY_SHOWN) })}</p>}
          {heldOut >= 0 && (
            <p className="held-out">
              <span className="mark">{t('inspect.heldOut')}</span> <ItemName names={names} item={heldOut} />
            </p>
          )}
        </div>
        {current ? (
          MODEL_SERIES.map((m) => (
            <RecList key={m.key} title={t(m.name)} color={m.color} items={current[m.key]} heldOut={heldOut} names={names} overlap={m.key === 'teacher' ? undefined : overlap(current[m.key])} />
          ))
        ) : (
          <p className="empty">{t('inspect.waiting')}</p>
        )}
      </div>
    </Panel>
  );
}

interface RecListProps {
  title: string;
  color: string;
  items: Int32Array;
  heldOut: number;
  names: ItemNames;
  /** Items shared with the teacher's list (absent for the teacher itself). */
  overlap?: number;
}

/** One model's top-10, numbered, the held-out item marked. */
function RecList({ title, color, items, heldOut, names, overlap }: RecListProps) {
  const t = useT();
  const f = useFmt();
  const id = useId();
  return (
    <div>
      <h3 id={id} style={{ borderColor: color }} className="rec-title">
        {title}
      </h3>
      <ol className="items" aria-labelledby={id}>
        {Array.from(items, (i) => (
          <li key={i} className={i === heldOut ? 'hit' : undefined}>
            <ItemName names={names} item={i} />
            {i === heldOut && <span className="mark"> {t('inspect.hit')}</span>}
          </li>
        ))}
      </ol>
      {overlap !== undefined && <p className="hint">{t('inspect.overlap', { shared: f.int(overlap), total: f.int(items.length) })}</p>}
    </div>
  );
}
