/** Facts about the person's conduct while serving: the degree of behaviour, malicious violation of the regime. */
import { BEHAVIOURS } from '../../domain/enums.ts';
import { boolFact, enumFact } from './kit.ts';
import type { FactDefinition } from './types.ts';

export const CONDUCT_FACTS = {
  behaviour: enumFact('behaviour', 'behaviour', BEHAVIOURS, 'f.behaviour', ['behaviour = positive', 'behaviour != negative', 'behaviour in [neutral, negative]']),
  malicious_violator: boolFact('maliciousViolator', 'maliciousViolator', 'f.malicious_violator', ['malicious_violator', 'not malicious_violator']),
} satisfies Record<string, FactDefinition>;
