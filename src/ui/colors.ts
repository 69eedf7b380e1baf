/**
 * One colour per model, the same in every panel (and the favicon): a person learns
 * "blue = teacher, orange = student alone, green = KD student" once. Chosen to stay apart for
 * the common colour-vision deficiencies and on a washed-out projector.
 */
export const COLORS = {
  teacher: '#3558d4',
  student: '#e07b28',
  kd: '#138a4b',
  kdHard: '#8b5cf6',
  kdDistill: '#0e9fb5',
  heldOut: '#c81e5b',
  grid: '#d5d9e2',
} as const;
