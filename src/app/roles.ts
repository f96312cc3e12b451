/**
 * Roles and what each may do (docs/security.md). The server checks these on every request; the web
 * app only reads them to hide what would be refused anyway.
 *
 * - admin: users and the audit log — no person data;
 * - analyst: acts, evaluations, aggregate reports, person lists for drafting (every person);
 * - officer: persons of their own facilities or probation services only;
 * - supervisor: persons of their region(s), aggregate reports;
 * - court: persons submitted to their court (submissions come with the application of adopted acts);
 * - researcher: aggregates only, with small cells suppressed — never a person-level row.
 */
export const ROLES = ['admin', 'analyst', 'officer', 'supervisor', 'court', 'researcher'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Every signed-in user: the session itself, the vocabularies. */
  session: ['admin', 'analyst', 'officer', 'supervisor', 'court', 'researcher'],
  'users.manage': ['admin'],
  'audit.read': ['admin'],
  /** Registry metadata: names, counts, data-quality summaries (no cell values). */
  'registries.read': ['admin', 'analyst', 'officer', 'supervisor', 'court', 'researcher'],
  /** Upload a registry, choose the current one, read rejected rows (they hold cell values). */
  'registries.write': ['analyst'],
  'acts.read': ['admin', 'analyst', 'officer', 'supervisor', 'court', 'researcher'],
  'acts.write': ['analyst'],
  'evaluations.run': ['analyst'],
  /** Evaluation summaries, impact reports, comparisons, the letter's table. */
  'aggregates.read': ['analyst', 'supervisor', 'researcher'],
  'what_if': ['analyst'],
  /** The reply letter and its annex as documents (DOCX, PDF, XLSX). */
  'documents.official': ['analyst', 'supervisor'],
  /** Person-level rows: lists, one person, explanations, exports, court submissions — within the user's scope. */
  'persons.read': ['analyst', 'officer', 'supervisor', 'court'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export interface ScopedUser {
  role: Role;
  facilities: readonly string[];
  regions: readonly string[];
  courts: readonly string[];
}

/** Which persons a user may see. */
export type PersonScope =
  | { kind: 'all' }
  | { kind: 'facilities'; codes: ReadonlySet<string> }
  | { kind: 'regions'; codes: ReadonlySet<string> }
  | { kind: 'courts'; codes: ReadonlySet<string> }
  | { kind: 'none' };

export function personScope(u: ScopedUser): PersonScope {
  switch (u.role) {
    case 'analyst':
      return { kind: 'all' };
    case 'officer':
      return { kind: 'facilities', codes: new Set(u.facilities) };
    case 'supervisor':
      return { kind: 'regions', codes: new Set(u.regions) };
    case 'court':
      return { kind: 'courts', codes: new Set(u.courts) };
    case 'admin':
    case 'researcher':
      return { kind: 'none' };
  }
}

/**
 * Whether a person of a facility and region is within the scope. A court sees the persons submitted
 * to it; until submissions exist (the application of adopted acts), it sees none.
 */
export function inScope(scope: PersonScope, person: { facility: string | null; region: string | null; court?: string | null }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'facilities':
      return person.facility !== null && scope.codes.has(person.facility);
    case 'regions':
      return person.region !== null && scope.codes.has(person.region);
    case 'courts':
      return person.court !== undefined && person.court !== null && scope.codes.has(person.court);
    case 'none':
      return false;
  }
}
