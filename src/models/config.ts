/**
 * Model settings with their defaults (squoosh's meta.ts pattern: type and defaults together).
 * The defaults were chosen on the validation split of the built-in dataset; see the engine issue note.
 */

/** The large model: u ‖ mean(history) → MLP → + u + h (residual) → · item embeddings + item bias. */
export interface TeacherConfig {
  /** Embedding size of users, history items and output items. */
  dim: number;
  /** Width of the MLP's hidden layer. */
  hidden: number;
  /** Dropout after the hidden ReLU, 0..1 (0.5 is what makes the teacher win). */
  dropout: number;
  /** L2 weight decay added to every gradient (PyTorch-style Adam weight_decay). */
  l2: number;
  /** Adam learning rate. */
  lr: number;
  /** Std of the normal initialisation of embedding tables. */
  initStd: number;
}

/** The small model: plain matrix factorisation with an item bias. */
export interface StudentConfig {
  dim: number;
  l2: number;
  lr: number;
  initStd: number;
}

export const defaultTeacherConfig: TeacherConfig = {
  dim: 64,
  hidden: 128,
  dropout: 0.5,
  l2: 1e-5,
  lr: 3e-3,
  initStd: 0.1,
};

export const defaultStudentConfig: StudentConfig = {
  dim: 8,
  l2: 0,
  lr: 1e-2,
  initStd: 0.1,
};

/** Adam's epsilon, passed explicitly: webgl's backend default is 1e-4, cpu/webgpu 1e-7. */
export const ADAM_EPSILON = 1e-7;
