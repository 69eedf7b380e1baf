/** Layout only: the header with the run controls, the notices, the panels in a grid, and the lesson beside them. */
import { ComparisonPanel } from './ComparisonPanel';
import { CompressPanel } from './CompressPanel';
import { ControlsPanel } from './ControlsPanel';
import { DatasetPanel } from './DatasetPanel';
import { ExportPanel } from './ExportPanel';
import { useDocumentLanguage } from './i18n/useDocumentLanguage';
import { useT } from './i18n/useT';
import { InspectorPanel } from './InspectorPanel';
import { KnobsPanel } from './KnobsPanel';
import { Lesson, LessonButton } from './lesson/Lesson';
import { lessonSelectors } from '../state/lessonSlice';
import { useStudio } from '../state/store';
import { LanguagePicker } from './LanguagePicker';
import { LossChartPanel } from './LossChartPanel';
import { NoticesArea } from './NoticesArea';
import { RunsPanel } from './RunsPanel';
import { RatingPanel } from './RatingPanel';
import { SoftLabelPanel } from './SoftLabelPanel';
import { SweepPanel } from './sweep/SweepPanel';
import { StoragePanel } from './StoragePanel';
import { TransferPanel } from './transfer/TransferPanel';
import { ValChartPanel } from './ValChartPanel';

export function App() {
  const t = useT();
  // presenter mode (?presenter=1) hides the advanced controls by CSS; the lesson docks at the side
  const presenter = useStudio(lessonSelectors.presenter);
  const lessonOpen = useStudio(lessonSelectors.step) !== null;
  useDocumentLanguage();
  return (
    <div className={`app${presenter ? ' presenter' : ''}${lessonOpen ? ' lesson-open' : ''}`}>
      <header className="top">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
          <LanguagePicker />
          <LessonButton />
        </div>
        <ControlsPanel />
      </header>
      <NoticesArea />
      <main className="grid">
        <LossChartPanel />
        <ValChartPanel />
        <KnobsPanel />
        <SoftLabelPanel />
        <ComparisonPanel />
        <DatasetPanel />
        <InspectorPanel />
        <CompressPanel />
        <SweepPanel />
        <RunsPanel />
        <ExportPanel />
        <StoragePanel />
        <RatingPanel />
        <TransferPanel />
      </main>
      <Lesson />
    </div>
  );
}
