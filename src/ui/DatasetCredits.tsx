/**
 * Credits of the built-in dataset, as its CC BY-SA 4.0 license asks wherever it is shown. The
 * names (work, author, license, source) are data and stay as written (translate="no" where they
 * stand alone; the dataset's name and license repeat as plain text in the changes, so the panel
 * has one element and one link with each); the sentences around them come from the message table.
 */
import { BUILTIN_ATTRIBUTION, BUILTIN_DATASET } from '../data/builtin';
import { datasetSelectors } from '../state/datasetSlice';
import { useStudio } from '../state/store';
import { Trans } from './i18n/Trans';
import { useT } from './i18n/useT';

/** The repository the user subset came from, as the attribution names it. */
const SUBSET_SOURCE = 'fant0md/minor-goodbooks-recommender';

export function DatasetCredits() {
  const t = useT();
  const source = useStudio(datasetSelectors.source);
  if (source !== 'builtin') return null;
  const a = BUILTIN_ATTRIBUTION;
  const license = (
    <a href={a.licenseUrl} target="_blank" rel="noreferrer noopener" translate="no">
      {a.license}
    </a>
  );
  return (
    <details className="credits" open>
      <summary>{t('dataset.credits')}</summary>
      <p>
        <Trans
          k="dataset.creditLine"
          parts={{
            title: (
              <a href={a.url} target="_blank" rel="noreferrer noopener" translate="no">
                {a.title}
              </a>
            ),
            author: <span translate="no">{a.author}</span>,
            license,
          }}
        />
      </p>
      <p className="hint">
        {t('dataset.creditChanges')}{' '}
        <Trans
          k="dataset.builtinChanges"
          parts={{ source: <span translate="no">{SUBSET_SOURCE}</span>, dataset: BUILTIN_DATASET.name, license: a.license }}
        />
      </p>
    </details>
  );
}
