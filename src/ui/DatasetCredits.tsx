/** Credits of the built-in dataset, as its CC BY-SA 4.0 license asks wherever it is shown. */
import { BUILTIN_ATTRIBUTION } from '../data/builtin';
import { datasetSelectors } from '../state/datasetSlice';
import { useStudio } from '../state/store';
import { Trans } from './i18n/Trans';
import { useT } from './i18n/useT';

export function DatasetCredits() {
  const t = useT();
  const source = useStudio(datasetSelectors.source);
  if (source !== 'builtin') return null;
  const a = BUILTIN_ATTRIBUTION;
  return (
    <details className="credits" open>
      <summary>{t('dataset.credits')}</summary>
      <p>
        <Trans
          k="dataset.creditLine"
          parts={{
            title: (
              <a href={a.url} target="_blank" rel="noreferrer noopener">
                {a.title}
              </a>
            ),
            author: a.author,
            license: (
              <a href={a.licenseUrl} target="_blank" rel="noreferrer noopener">
                {a.license}
              </a>
            ),
          }}
        />
      </p>
      <p className="hint">
        {t('dataset.creditChanges')} {a.changes} {a.derivedLicense}
      </p>
    </details>
  );
}
