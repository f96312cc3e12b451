import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonBytes } from './json-bytes.ts';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Strings of arbitrary UTF-16 code units: Kazakh and Russian letters, controls, quotes, lone surrogates. */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 });
const kazakh = fc.string({ unit: fc.constantFrom('Ә', 'Ғ', 'Қ', 'Ң', 'Ө', 'Ұ', 'Ү', 'Һ', 'І', 'ж', 'а', 'b', '"', '\\', '\n', '§', '😀'), maxLength: 12 });
const text = fc.oneof(anyText, kazakh, fc.string());

const value = fc.letrec((tie) => ({
  leaf: fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(-0)),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(text, tie('node'), { maxKeys: 5 })),
})).node;

describe('jsonBytes', () => {
  it('writes the UTF-8 bytes of JSON.stringify for arbitrary JSON data', () => {
    fc.assert(
      fc.property(value, (v) => {
        fc.pre(v !== undefined);
        expect(jsonBytes(v, 8).equals(utf8(JSON.stringify(v)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a person list as JSON.stringify does, names in Cyrillic, growing past its first guess', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      person_id: `P${String(i).padStart(7, '0')}`,
      last_name: i % 3 === 0 ? 'Жұмабаев' : i % 3 === 1 ? 'Иванов "Ваня"' : null,
      articles: i % 5 === 0 ? null : ['188-2', '190-1'],
      days_remitted: i % 4 === 0 ? null : i * 7,
      clause: 'Art. 2 §1(3)',
      skipped: undefined,
    }));
    const list = { total: rows.length, rows };
    expect(jsonBytes(list, 16).equals(utf8(JSON.stringify(list)))).toBe(true);
  });

  it('follows toJSON, boxed values and non-finite numbers as JSON.stringify does', () => {
    const v = { at: new Date(Date.UTC(2025, 6, 1)), n: Object(5) as number, s: Object('ә') as string, inf: Infinity, nan: NaN, f: () => 1, nested: [undefined, () => 1, Symbol('x')] };
    expect(jsonBytes(v).toString('utf8')).toBe(JSON.stringify(v));
  });

  it('refuses what JSON.stringify refuses: a cycle, a BigInt', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(() => jsonBytes(cyclic)).toThrow(TypeError);
    expect(() => jsonBytes({ n: 1n })).toThrow(TypeError);
  });
});
