/**
 * The guided lesson as data: DESIGN.md's lesson in eight steps (teacher; student alone; student +
 * KD; temperature and dark knowledge; α; size and speed; compression; transfer). Each step sets a
 * preset, points at one panel, explains with one formula and asks one question the learner can
 * answer by looking. Words live in the message table (keys below); TeX holds symbols only, so it
 * needs no translation.
 */
import type { MessageKey } from '../i18n/translate';

export interface LessonStep {
  id: string;
  /**
   * The settings of this step as a URL query over the studio's defaults (urlConfig.ts names:
   * T, alpha, loss, sdim, …). Applying it sets every setting: defaults plus these, so a step
   * looks the same whatever the learner moved before.
   */
  preset: string;
  /** `data-testid` of the panel to look at. */
  panel: string;
  title: MessageKey;
  explain: MessageKey;
  /** Display-mode TeX, rendered locally by KaTeX. */
  tex: string;
  question: MessageKey;
  answer: MessageKey;
}

export const LESSON_STEPS: readonly LessonStep[] = [
  {
    id: 'teacher',
    preset: 'schedule=checkpoint&tdim=64&thidden=128',
    panel: 'panel-val',
    title: 'lesson.teacher.title',
    explain: 'lesson.teacher.explain',
    tex: String.raw`x = \mathrm{MLP}([u; h]) + u + h, \qquad z_t = x\,E^{\top} + b`,
    question: 'lesson.teacher.question',
    answer: 'lesson.teacher.answer',
  },
  {
    id: 'student',
    preset: 'sdim=8&lr=0.005',
    panel: 'panel-loss',
    title: 'lesson.student.title',
    explain: 'lesson.student.explain',
    tex: String.raw`z_s = P_u\,Q^{\top} + b, \qquad \mathcal{L}_{\mathrm{CE}} = -\log \operatorname{softmax}(z_s)_y`,
    question: 'lesson.student.question',
    answer: 'lesson.student.answer',
  },
  {
    id: 'kd',
    preset: 'loss=soft&T=0.25&alpha=1&over=unseen&kdlr=0.01',
    panel: 'panel-val',
    title: 'lesson.kd.title',
    explain: 'lesson.kd.explain',
    tex: String.raw`\mathcal{L} = \alpha\,T^{2}\,\mathrm{KL}\!\left(p_t^{T} \,\middle\|\, p_s^{T}\right) + (1-\alpha)\,\mathcal{L}_{\mathrm{CE}}(y, p_s)`,
    question: 'lesson.kd.question',
    answer: 'lesson.kd.answer',
  },
  {
    id: 'temperature',
    preset: 'loss=soft&T=2&alpha=1',
    panel: 'panel-soft',
    title: 'lesson.temperature.title',
    explain: 'lesson.temperature.explain',
    tex: String.raw`p_t^{T}[i] = \frac{e^{z_t[i]/T}}{\sum_{j} e^{z_t[j]/T}}, \qquad H(p_t^{T}) = -\sum_i p_t^{T}[i] \log p_t^{T}[i]`,
    question: 'lesson.temperature.question',
    answer: 'lesson.temperature.answer',
  },
  {
    id: 'alpha',
    preset: 'loss=soft&T=0.25&alpha=0.5',
    panel: 'panel-sweep',
    title: 'lesson.alpha.title',
    explain: 'lesson.alpha.explain',
    tex: String.raw`\mathcal{L} = \alpha\,\mathcal{L}_{\mathrm{KD}} + (1-\alpha)\,\mathcal{L}_{\mathrm{CE}}, \qquad \alpha \in [0, 1]`,
    question: 'lesson.alpha.question',
    answer: 'lesson.alpha.answer',
  },
  {
    id: 'size',
    preset: 'sdim=8&tdim=64&thidden=128&loss=soft&T=0.25&alpha=1',
    panel: 'panel-compare',
    title: 'lesson.size.title',
    explain: 'lesson.size.explain',
    tex: String.raw`N_s = (|U| + |I|)\,d_s + |I| \;\ll\; N_t = (|U| + 2|I|)\,d_t + |I| + N_{\mathrm{MLP}}`,
    question: 'lesson.size.question',
    answer: 'lesson.size.answer',
  },
  {
    id: 'compression',
    preset: 'sdim=8&loss=soft&T=0.25&alpha=1',
    panel: 'panel-compress',
    title: 'lesson.compression.title',
    explain: 'lesson.compression.explain',
    tex: String.raw`s = \frac{\max_i |w_i|}{127}, \qquad q_i = \operatorname{round}\!\left(\frac{w_i}{s}\right) \in [-127, 127], \qquad \hat w_i = s\,q_i`,
    question: 'lesson.compression.question',
    answer: 'lesson.compression.answer',
  },
  {
    id: 'transfer',
    preset: 'schedule=checkpoint&sdim=8',
    panel: 'panel-transfer',
    title: 'lesson.transfer.title',
    explain: 'lesson.transfer.explain',
    tex: String.raw`\theta_B^{(0)} = \theta_A^{*} \;\longrightarrow\; \theta_B^{*} = \arg\min_{\theta}\, \mathcal{L}_B(\theta)`,
    question: 'lesson.transfer.question',
    answer: 'lesson.transfer.answer',
  },
];

/** The step numbered `n` (1-based), clamped into the lesson. */
export const clampStep = (n: number): number => Math.min(LESSON_STEPS.length, Math.max(1, Math.round(n)));
