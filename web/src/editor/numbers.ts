/**
 * The numbers of an act an analyst tries variants of, found in its text with their exact place so
 * that a slider or a field can rewrite them: the act's parameters (`parameters.<name>.value`), the
 * literal fractions and months of measures, and the numeric literals compared with a numeric fact in
 * conditions (`age >= 60`, `children_under(3) >= 1`, `imposed_term_months <= 60`).
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

export interface ActNumber {
  /** Stable within one text: the YAML path, or the condition's place. */
  key: string;
  /** `term`: a term written like 1y, 18m or 2y6m, counted here in months. */
  kind: 'fraction' | 'months' | 'years' | 'number' | 'term';
  value: number;
  from: number;
  to: number;
  /** What the number is: a parameter's name, a clause and field, a fact and operator. */
  name: string;
  /** The clause (or definition, exclusion) it belongs to, or undefined. */
  owner: string | null;
  min: number;
  max: number;
  step: number;
}

export interface NumericFact {
  name: string;
  unit: string | null;
}

function scalarNumber(node: unknown): { value: number; from: number; to: number } | null {
  if (!isScalar(node) || typeof node.value !== 'number' || !node.range) return null;
  return { value: node.value, from: node.range[0], to: node.range[1] };
}

function bounds(kind: ActNumber['kind'], value: number): Pick<ActNumber, 'min' | 'max' | 'step'> {
  switch (kind) {
    case 'fraction':
      return { min: 0.01, max: 1, step: 0.01 };
    case 'months':
    case 'term':
      return { min: 1, max: Math.max(120, value * 2), step: 1 };
    case 'years':
      return { min: 0, max: Math.max(100, value * 2), step: 1 };
    case 'number':
      return { min: 0, max: Math.max(10, value * 4), step: Number.isInteger(value) ? 1 : 0.01 };
  }
}

/** Conditions are plain or quoted scalars; inside them, `fact op number` and `fact(arg) op number`. */
function conditionNumbers(text: string, node: Node | null | undefined, facts: ReadonlyMap<string, NumericFact>, owner: string, out: ActNumber[]): void {
  if (!node) return;
  if (isScalar(node)) {
    if (typeof node.value !== 'string' || !node.range) return;
    const raw = text.slice(node.range[0], node.range[1]);
    // A term compared with a term fact: `remaining_term <= 1y`, `served_term >= 2y6m` (no days: months only).
    const terms = /\b([a-z_][a-z0-9_]*)\s*(>=|<=|>|<|!=|=)\s*((\d+)y(?:(\d+)m)?|(\d+)m)(?![\w])/g;
    for (let m = terms.exec(raw); m !== null; m = terms.exec(raw)) {
      const fact = facts.get(m[1]!);
      if (!fact || fact.unit !== 'term') continue;
      const literal = m[3]!;
      const months = m[6] !== undefined ? Number(m[6]) : Number(m[4]) * 12 + Number(m[5] ?? 0);
      const start = node.range[0] + m.index + m[0].length - literal.length;
      out.push({ key: `${owner}@${start}`, kind: 'term', value: months, from: start, to: start + literal.length, name: `${m[1]} ${m[2]}`, owner, ...bounds('term', months) });
    }
    const re = /\b([a-z_][a-z0-9_]*)(\([^)]*\))?\s*(>=|<=|>|<|!=|=)\s*(\d+(?:\.\d+)?)\b/g;
    for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
      const fact = facts.get(m[1]!);
      if (!fact || fact.unit === 'term') continue;
      const literal = m[4]!;
      const start = node.range[0] + m.index + m[0].length - literal.length;
      const kind: ActNumber['kind'] = fact.unit === 'years' ? 'years' : fact.unit === 'months' ? 'months' : 'number';
      const value = Number(literal);
      out.push({ key: `${owner}@${start}`, kind, value, from: start, to: start + literal.length, name: `${m[1]}${m[2] ?? ''} ${m[3]}`, owner, ...bounds(kind, value) });
    }
    return;
  }
  if (isSeq(node)) for (const item of node.items) conditionNumbers(text, item as Node, facts, owner, out);
  else if (isMap(node)) for (const pair of node.items) conditionNumbers(text, pair.value as Node, facts, owner, out);
}

export function findNumbers(text: string, facts: ReadonlyMap<string, NumericFact>, parsed?: Document.Parsed): ActNumber[] {
  const doc = parsed ?? parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const out: ActNumber[] = [];
  const params = doc.get('parameters', true);
  if (isMap(params)) {
    for (const pair of params.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const v = isMap(pair.value) ? scalarNumber(pair.value.get('value', true)) : null;
      if (!v) continue;
      const kind: ActNumber['kind'] = v.value > 0 && v.value <= 1 && !Number.isInteger(v.value) ? 'fraction' : /month/.test(name) ? 'months' : 'number';
      out.push({ key: `parameters.${name}`, kind, value: v.value, from: v.from, to: v.to, name, owner: null, ...bounds(kind, v.value) });
    }
  }
  const defs = doc.get('definitions', true);
  if (isMap(defs))
    for (const pair of defs.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '?';
      if (isMap(pair.value)) conditionNumbers(text, pair.value.get('when', true) as Node, facts, name, out);
    }
  for (const section of ['clauses', 'exclusions'] as const) {
    const list = doc.get(section, true);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const id = String(item.get('id') ?? '?');
      conditionNumbers(text, item.get('when', true) as Node, facts, id, out);
      const measure = item.get('measure', true);
      if (isMap(measure)) {
        const f = scalarNumber(measure.get('fraction', true));
        if (f) out.push({ key: `${section}.${id}.fraction`, kind: 'fraction', value: f.value, from: f.from, to: f.to, name: 'fraction', owner: id, ...bounds('fraction', f.value) });
        const mo = scalarNumber(measure.get('months', true));
        if (mo) out.push({ key: `${section}.${id}.months`, kind: 'months', value: mo.value, from: mo.from, to: mo.to, name: 'months', owner: id, ...bounds('months', mo.value) });
      }
    }
  }
  return out;
}

/** A number of months written as a term: 12 → 1y, 18 → 1y6m, 5 → 5m. */
export function termText(months: number): string {
  const m = Math.max(1, Math.round(months));
  const y = Math.floor(m / 12);
  return y === 0 ? `${m}m` : m % 12 === 0 ? `${y}y` : `${y}y${m % 12}m`;
}

/** The text with one number rewritten. */
export function withNumber(text: string, n: ActNumber, value: number): string {
  const written = n.kind === 'term' ? termText(value) : n.kind === 'fraction' ? String(Math.round(value * 1000) / 1000) : String(Math.round(value * 100) / 100);
  return text.slice(0, n.from) + written + text.slice(n.to);
}
