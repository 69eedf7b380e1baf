/**
 * Before a run: the two domains' sizes and the users they share under the chosen rule, or the
 * sentence that says why the rule cannot apply (or that no dataset is loaded).
 */
import type { DomainCounts as Counts, DomainWhy } from '../../state/transferDomains';
import type { MessageKey } from '../i18n/translate';
import { Trans } from '../i18n/Trans';
import { useFmt, useT } from '../i18n/useT';

/** The sentence for a rule that cannot apply (noYears has its own, with a command line). */
const WHY: Record<Exclude<DomainWhy, 'noYears'>, MessageKey> = {
  emptyDomain: 'transfer.emptyDomain',
  noList: 'transfer.why.noList',
  noListedItem: 'transfer.why.noListedItem',
  allListed: 'transfer.why.allListed',
  noFile: 'transfer.why.noFile',
  noSharedUsers: 'transfer.why.noSharedUsers',
  emptySource: 'transfer.why.emptySource',
  emptyTarget: 'transfer.why.emptyTarget',
};

/** A command line, the same in every language (shown when the dataset has no years to cut by). */
const NO_YEARS_COMMAND = 'npm run cli -- transfer --domain-by genre --target-value Drama';

/** `counts` is null when no dataset is loaded. */
export function DomainCounts({ counts }: { counts: Counts | { why: DomainWhy } | null }) {
  const t = useT();
  const f = useFmt();
  return (
    <>
      <p className="hint">
        {!counts
          ? t('transfer.noDataset')
          : 'why' in counts
            ? counts.why === 'noYears'
              ? <Trans k="transfer.noYears" parts={{ command: <code translate="no">{NO_YEARS_COMMAND}</code> }} />
              : t(WHY[counts.why])
            : t('transfer.counts', {
                sourceItems: f.int(counts.source[0]),
                sourceInteractions: f.int(counts.source[1]),
                targetItems: f.int(counts.target[0]),
                targetInteractions: f.int(counts.target[1]),
                shared: f.int(counts.shared),
              })}
      </p>
      {counts && !('why' in counts) && counts.sameItemIds !== null && counts.sameItemIds > 0 && (
        <p className="hint">{t('transfer.sameItemIds', { count: f.int(counts.sameItemIds) })}</p>
      )}
    </>
  );
}
