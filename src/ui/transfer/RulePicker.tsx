/**
 * Which rule splits the data into a source and a target domain (a year cut, a list of source item
 * ids, a second ratings file as the target), and the file the chosen rule reads.
 */
import { useId } from 'react';
import type { DomainRuleKind } from '../../state/transferDomains';
import { transferActions } from '../../state/transferStudio';
import { studioStore, useStudio } from '../../state/store';
import { useTransfer } from '../../state/transferStore';
import type { MessageKey } from '../i18n/translate';
import { Trans } from '../i18n/Trans';
import { useFmt, useT } from '../i18n/useT';
import { RuleFile, TargetFileSummary } from './RuleFile';

const RULES: readonly { kind: DomainRuleKind; label: MessageKey }[] = [
  { kind: 'cut', label: 'transfer.rule.cut' },
  { kind: 'ids', label: 'transfer.rule.ids' },
  { kind: 'file', label: 'transfer.rule.file' },
];

export function RulePicker() {
  const t = useT();
  const f = useFmt();
  const rule = useStudio((s) => s.config.transfer.rule);
  const idList = useTransfer((s) => s.idList);
  const targetFile = useTransfer((s) => s.targetFile);
  const set = studioStore.getState().setTransferSettings;
  const ruleName = useId();
  return (
    <>
      <fieldset className="transfer-rule">
        <legend>{t('transfer.rule')}</legend>
        {RULES.map((r) => (
          <label key={r.kind} className="check">
            <input type="radio" name={ruleName} checked={rule === r.kind} onChange={() => set({ rule: r.kind })} />
            {t(r.label)}
          </label>
        ))}
      </fieldset>
      {rule === 'ids' && (
        <RuleFile which="ids" label={t('transfer.idsFile')} hint={t('transfer.idsHint')} onFile={(file) => void transferActions.loadIdList(file)}>
          {idList && (
            <p className="hint">
              <Trans k="transfer.idsLoaded" parts={{ name: <span translate="no">{idList.name}</span>, count: f.int(idList.ids.size) }} />
            </p>
          )}
        </RuleFile>
      )}
      {rule === 'file' && (
        <RuleFile which="file" label={t('transfer.targetFile')} hint={t('transfer.fileHint')} onFile={(file) => void transferActions.loadTargetFile(file)}>
          {targetFile && <TargetFileSummary name={targetFile.name} dataset={targetFile.dataset} />}
        </RuleFile>
      )}
    </>
  );
}
