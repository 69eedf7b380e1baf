/** Layout only: the header with the run controls, the notices, and the panels in a grid. */
import { ComparisonPanel } from './ComparisonPanel';
import { ControlsPanel } from './ControlsPanel';
import { DatasetPanel } from './DatasetPanel';
import { useT } from './i18n/useT';
import { InspectorPanel } from './InspectorPanel';
import { KnobsPanel } from './KnobsPanel';
import { LanguagePicker } from './LanguagePicker';
import { LossChartPanel } from './LossChartPanel';
import { NoticesArea } from './NoticesArea';
import { SoftLabelPanel } from './SoftLabelPanel';
import { TransferPanel } from './TransferPanel';
import { ValChartPanel } from './ValChartPanel';

export function App() {
  const t = useT();
  return (
    <div className="app">
      <header className="top">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
          <LanguagePicker />
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
        <TransferPanel />
      </main>
    </div>
  );
}
