/**
 * The errors/notices area: errors are announced at once (role="alert"), warnings and
 * information politely (role="status"). Each can be dismissed.
 */
import type { Notice } from '../state/notices';
import { useStudio, studioStore } from '../state/store';
import { uiSelectors } from '../state/uiSlice';
import { isDataText } from '../data/messages';
import { useT, useTData } from './i18n/useT';

export function NoticesArea() {
  const notices = useStudio(uiSelectors.notices);
  const errors = notices.filter((n) => n.level === 'error');
  const others = notices.filter((n) => n.level !== 'error');
  return (
    <div className="notices">
      <div role="alert">{errors.map((n) => <NoticeItem key={n.id} notice={n} />)}</div>
      <div role="status">{others.map((n) => <NoticeItem key={n.id} notice={n} />)}</div>
    </div>
  );
}

function NoticeItem({ notice }: { notice: Notice }) {
  const t = useT();
  const td = useTData();
  const vars = Object.fromEntries(Object.entries(notice.vars).map(([k, v]) => [k, isDataText(v) ? td(v) : v]));
  return (
    <p className={`notice notice-${notice.level}`}>
      <span>{t(notice.key, vars)}</span>
      <button type="button" className="dismiss" onClick={() => studioStore.getState().dismissNotice(notice.id)} aria-label={t('notice.dismiss')}>
        ×
      </button>
    </p>
  );
}
