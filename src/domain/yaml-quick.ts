/**
 * A quick reading of YAML for texts read again and again without needing their lines (the editor's
 * what-if sends an act's text on every keystroke): js-yaml reads an act about eight times faster than
 * `yaml` builds a document, but tells no positions. Its schema is made to resolve plain scalars exactly
 * as `yaml`'s YAML 1.2 core schema does (which the located reading in ./located.ts uses), so both give
 * the same value: null, booleans, decimal, octal (0o) and hexadecimal (0x) integers, floats, ±.inf and
 * .nan; no timestamps, no merge keys, no underscores in numbers (YAML 1.1's forms stay strings).
 *
 * Returns undefined when the text is not read here — an error (duplicate keys included), or anchors and
 * aliases, whose expansion the located reading limits — so that the caller reads it the located way,
 * which reports every error with its line.
 */
import jsyaml from 'js-yaml';

const nul = new jsyaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (s: unknown) => s === null || (typeof s === 'string' && /^(?:~|null|Null|NULL|)$/.test(s)),
  construct: () => null,
  predicate: (v: unknown) => v === null,
});

const bool = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (s: unknown) => typeof s === 'string' && /^(?:true|True|TRUE|false|False|FALSE)$/.test(s),
  construct: (s: string) => s === 'true' || s === 'True' || s === 'TRUE',
  predicate: (v: unknown) => typeof v === 'boolean',
});

const int = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: unknown) => typeof s === 'string' && /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(s),
  construct: (s: string) => (s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
  predicate: (v: unknown) => typeof v === 'number' && Number.isInteger(v),
});

const float = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: unknown) =>
    typeof s === 'string' && /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s),
  construct: (s: string) => {
    if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
    if (/^\.nan$/i.test(s)) return NaN;
    return parseFloat(s);
  },
  predicate: (v: unknown) => typeof v === 'number',
});

const CORE_12 = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [nul, bool, int, float] });

const NULL_KEY = /(?:^|[\n{,[])[ \t]*(?:-[ \t]+)*(?:~|null|Null|NULL)[ \t]*:(?:\s|$)/;

export function readYamlQuickly(text: string): unknown {
  // Anchors (&) and aliases (*) are left to the located reading, which limits their expansion.
  if (/(^|[\s[{,:-])[&*][^\s]/.test(text)) return undefined;
  // A plain key that resolves to null is the empty string for the located reading, "null" for js-yaml.
  if (NULL_KEY.test(text)) return undefined;
  try {
    return jsyaml.load(text, { schema: CORE_12, json: false });
  } catch {
    return undefined;
  }
}
