import bank from '../content/questions.json';

export interface RoleOption {
  id: string;
  label: string;
}
export interface Question {
  id: string;
  role: string;
  text: string;
}

export const ROLES: readonly RoleOption[] = bank.roles;
export const QUESTIONS: readonly Question[] = bank.questions;
export const DEFAULT_ROLE = ROLES[0]?.id ?? 'software_engineer';

const ROLE_KEY = 'offerpulse.target_role';

export function questionsFor(role: string): Question[] {
  return QUESTIONS.filter((q) => q.role === role);
}

export function roleLabel(role: string | null | undefined): string {
  return ROLES.find((r) => r.id === role)?.label ?? (role ? role.replace(/_/g, ' ') : 'General');
}

/** A question for the role, different from `exclude` when the role has another one. */
export function pickQuestion(role: string, exclude?: string, random: () => number = Math.random): Question {
  const all = questionsFor(role);
  const pool = all.length > 1 ? all.filter((q) => q.id !== exclude) : all;
  const chosen = pool[Math.floor(random() * pool.length)] ?? QUESTIONS[0];
  if (!chosen) throw new Error('The question bank is empty');
  return chosen;
}

export function savedRole(): string {
  try {
    const role = window.localStorage.getItem(ROLE_KEY);
    return role && ROLES.some((r) => r.id === role) ? role : DEFAULT_ROLE;
  } catch {
    return DEFAULT_ROLE;
  }
}

export function saveRole(role: string): void {
  try {
    window.localStorage.setItem(ROLE_KEY, role);
  } catch {
    // not persisted: fine
  }
}
