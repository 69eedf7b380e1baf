/**
 * Picking or dropping files: a ratings file (any supported format, chosen or detected), an
 * optional titles file, and the synthetic demo. Nothing leaves the browser.
 */
import { useId, useState, type DragEvent } from 'react';
import { datasetSelectors, type FormatChoice } from '../state/datasetSlice';
import { useStudio } from '../state/store';
import { studioActions } from '../state/studio';
import { FileField } from './FileField';
import type { MessageKey } from './i18n/translate';
import { useT } from './i18n/useT';

const FORMATS: readonly { value: FormatChoice; key: MessageKey }[] = [
  { value: 'auto', key: 'format.auto' },
  { value: 'udata', key: 'format.udata' },
  { value: 'dat', key: 'format.dat' },
  { value: 'csv', key: 'format.csv' },
  { value: 'tsv', key: 'format.tsv' },
  { value: 'semicolon', key: 'format.semicolon' },
];

export function DatasetUpload() {
  const t = useT();
  const format = useStudio(datasetSelectors.format);
  const busy = useStudio((s) => s.dataset.loading !== null);
  const [over, setOver] = useState(false);
  const formatId = useId();
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length) void studioActions.dropFiles(files);
  };
  return (
    <div
      className={over ? 'dropzone over' : 'dropzone'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="hint">{t('dataset.dropHint')}</p>
      <FileField
        label={t('dataset.ratingsFile')}
        onFile={(file) => {
          if (file) void studioActions.uploadRatings(file);
        }}
      />
      <FileField label={t('dataset.titlesFile')} onFile={(file) => void studioActions.uploadTitles(file)} />
      <div className="field">
        <label htmlFor={formatId}>{t('dataset.format')}</label>
        <select id={formatId} value={format} onChange={(e) => studioActions.setFormat(e.target.value as FormatChoice)}>
          {FORMATS.map((o) => (
            <option key={o.value} value={o.value}>
              {t(o.key)}
            </option>
          ))}
        </select>
      </div>
      <div className="buttons">
        <button type="button" onClick={() => void studioActions.loadBuiltin()} disabled={busy}>
          {t('dataset.loadBuiltin')}
        </button>
        <button type="button" onClick={studioActions.loadSynthetic} disabled={busy}>
          {t('dataset.loadSynthetic')}
        </button>
      </div>
      <p className="hint">{t('dataset.private')}</p>
    </div>
  );
}
