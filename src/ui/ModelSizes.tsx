/**
 * Model sizes with live parameter counts (pure arithmetic from models/size.ts, no tensors), and
 * the teacher/student ratio. Sizes apply on reset: a new worker builds new models.
 */
import { sizeOf, studentWeightSpecs, teacherWeightSpecs } from '../models/size';
import { SETTINGS } from '../settings/table';
import { configSelectors } from '../state/configSlice';
import { useStudio, studioStore } from '../state/store';
import { useFmt, useT } from './i18n/useT';
import { NumberField } from './NumberField';

export function ModelSizes() {
  const t = useT();
  const f = useFmt();
  const teacher = useStudio(configSelectors.teacher);
  const student = useStudio(configSelectors.student);
  const nUsers = useStudio((s) => s.dataset.current?.dataset.nUsers ?? 0);
  const nItems = useStudio((s) => s.dataset.current?.dataset.nItems ?? 0);
  const set = studioStore.getState();
  const ts = sizeOf(teacherWeightSpecs(nUsers, nItems, teacher));
  const ss = sizeOf(studentWeightSpecs(nUsers, nItems, student));
  const count = (params: number, bytes: number) => t('sizes.count', { params: f.int(params), bytes: f.bytes(bytes) });
  return (
    <fieldset className="sizes">
      <legend>{t('sizes.title')}</legend>
      <NumberField label={t('sizes.teacherDim')} value={teacher.dim} setting={SETTINGS.teacherDim} onCommit={(dim) => set.setTeacherSize({ dim })} />
      <NumberField label={t('sizes.teacherHidden')} value={teacher.hidden} setting={SETTINGS.teacherHidden} onCommit={(hidden) => set.setTeacherSize({ hidden })} />
      <NumberField label={t('sizes.studentDim')} value={student.dim} setting={SETTINGS.studentDim} onCommit={(dim) => set.setStudentSize({ dim })} />
      <dl className="facts">
        <dt>{t('model.teacher')}</dt>
        <dd>{count(ts.params, ts.bytesFp32)}</dd>
        <dt>{t('model.student')}</dt>
        <dd>{count(ss.params, ss.bytesFp32)}</dd>
        <dt>{t('sizes.ratio')}</dt>
        <dd>{t('sizes.times', { n: f.sig(ss.params > 0 ? ts.params / ss.params : NaN, 2) })}</dd>
      </dl>
      <p className="hint">{t('settings.appliesOnReset')}</p>
    </fieldset>
  );
}
