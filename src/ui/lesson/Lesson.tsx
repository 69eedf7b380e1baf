/**
 * The guided lesson: a side card that walks DESIGN.md's lesson one step at a time. Entering a step
 * applies its preset through the config slice (so the URL follows and a running worker gets the
 * new knobs), outlines the panel to look at, explains with one formula, and asks one question
 * whose answer the learner can reveal. `#lesson=N` opens step N; the step is kept in the hash.
 */
import { useEffect, useState } from 'react';
import { allSettingsOf, configSelectors } from '../../state/configSlice';
import { lessonSelectors } from '../../state/lessonSlice';
import { runSelectors } from '../../state/runSlice';
import { studioStore, useStudio } from '../../state/store';
import { studioActions } from '../../state/studio';
import { useT } from '../i18n/useT';
import { Formula } from './Formula';
import { presetSettings } from './preset';
import { clampStep, LESSON_STEPS, type LessonStep } from './steps';
import { usePanelHighlight } from './usePanelHighlight';

/** The header button that opens the lesson at step 1 (or closes it). */
export function LessonButton() {
  const t = useT();
  const open = useStudio(lessonSelectors.step) !== null;
  const s = studioStore.getState();
  return (
    <button type="button" className="lesson-toggle" aria-pressed={open} onClick={() => (open ? s.lessonClose() : s.lessonGoTo(1))}>
      {t('lesson.open')}
    </button>
  );
}

export function Lesson() {
  const requested = useStudio(lessonSelectors.step);
  if (requested === null) return null;
  const n = clampStep(requested);
  // keyed by step: the answer is hidden again and the highlight moves on every step
  return <LessonCard key={n} n={n} step={LESSON_STEPS[n - 1]} requested={requested} />;
}

function LessonCard({ n, step, requested }: { n: number; step: LessonStep; requested: number }) {
  const t = useT();
  const [answer, setAnswer] = useState(false);
  const found = usePanelHighlight(step.panel);
  const needsReload = useStudio(configSelectors.needsReload);
  const running = useStudio(runSelectors.isRunning);
  const s = studioStore.getState();
  const total = LESSON_STEPS.length;

  useEffect(() => {
    const st = studioStore.getState();
    if (requested !== n) st.lessonGoTo(n); // #lesson=99 shows the last step and says so in the hash
    st.applySettings(presetSettings(step.preset, allSettingsOf(st.config)));
  }, [n, requested, step.preset]);

  return (
    <aside className="lesson" aria-labelledby="lesson-title" data-testid="lesson">
      <div className="lesson-head">
        <span className="lesson-counter">{t('lesson.stepOf', { step: n, total })}</span>
        <button type="button" className="lesson-exit" onClick={() => s.lessonClose()}>
          {t('lesson.exit')}
        </button>
      </div>
      <progress className="lesson-progress" max={total} value={n} aria-label={t('lesson.progress')} />
      <h2 id="lesson-title">{t(step.title)}</h2>
      <p>{t(step.explain)}</p>
      <Formula tex={step.tex} label={t('lesson.formula')} />
      <p className={found ? 'hint' : 'hint attention'} role="status">
        {found ? t('lesson.lookAt') : t('lesson.panelMissing')}
      </p>
      {needsReload && (
        <p className="hint attention">
          {t('lesson.needsReset')}{' '}
          <button type="button" onClick={studioActions.reset} disabled={running}>
            {t('controls.reset')}
          </button>
        </p>
      )}
      <div className="lesson-question">
        <h3>{t('lesson.question')}</h3>
        <p>{t(step.question)}</p>
        <button type="button" aria-expanded={answer} onClick={() => setAnswer((a) => !a)}>
          {answer ? t('lesson.hideAnswer') : t('lesson.showAnswer')}
        </button>
        {answer && <p className="lesson-answer">{t(step.answer)}</p>}
      </div>
      <nav className="lesson-nav" aria-label={t('lesson.nav')}>
        <button type="button" onClick={() => s.lessonGoTo(n - 1)} disabled={n <= 1}>
          {t('lesson.prev')}
        </button>
        {n < total ? (
          <button type="button" className="primary" onClick={() => s.lessonGoTo(n + 1)}>
            {t('lesson.next')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => s.lessonClose()}>
            {t('lesson.finish')}
          </button>
        )}
      </nav>
    </aside>
  );
}
