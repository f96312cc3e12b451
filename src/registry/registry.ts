/**
 * The registry in memory, columnar: one typed array per field, strings dictionary-encoded, the
 * person → article relation and the person → child relation as offsets + values.
 *
 * Unknown values survive as sentinels (never as false or zero):
 * - Int8 booleans and enumerations: -1 (booleans are 0/1, enumerations their index);
 * - Int32 dates: UNKNOWN_DATE; Int32 counts and months: -1;
 * - Float64 amounts: NaN;
 * - dictionary codes: 0 (the dictionary's entry 0 is the empty string);
 * - lists (articles, children): a known flag per person, 0 when the cell was empty.
 *
 * Columns derived from the Criminal Code table (gravest offence, tags, intent, violence) are
 * computed once when the registry is built, so that evaluation reads one number per person.
 *
 * The reads and writes of the columns index a typed array with a row below its length, or the
 * Code table with an index the registry stored: their non-null assertions (`a[i]!`) stay, as they
 * run for every person of a registry of millions and the typed arrays are checked whole where they
 * come from disk (findValueProblem).
 */
import { BEHAVIOURS, CUSTODIES, DISABLED_CHILD_GROUPS, GRAVITIES, RECIDIVISMS, SENTENCE_TYPES, SEXES, VETERAN_KINDS } from '../domain/enums.ts';
import { UNKNOWN_DATE, dayNumberOf, daysInMonth, ymdOfDay } from '../domain/dates.ts';
import type { CriminalCode } from '../law/criminal-code.ts';
import { present } from '../domain/lookup.ts';
import { msg, type Message } from '../i18n/message.ts';
import type { PersonRecord } from './record.ts';

export const UNKNOWN = -1;

type TypedArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float64Array;
type TypedArrayCtor<T extends TypedArray> = { new (length: number): T; BYTES_PER_ELEMENT: number };

/** A typed array that grows by doubling while a registry is built. */
export class Growable<T extends TypedArray> {
  private buf: T;
  length = 0;
  constructor(
    private readonly ctor: TypedArrayCtor<T>,
    capacity = 1024,
  ) {
    this.buf = new ctor(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new this.ctor(this.buf.length * 2);
      (next as unknown as { set(a: ArrayLike<number>): void }).set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  /** The filled part, copied into an exact-size array (optionally over a SharedArrayBuffer). */
  finish(shared = false): T {
    const out = shared
      ? (new (this.ctor as unknown as { new (b: SharedArrayBuffer): T })(new SharedArrayBuffer(this.length * this.ctor.BYTES_PER_ELEMENT)))
      : new this.ctor(this.length);
    (out as unknown as { set(a: ArrayLike<number>): void }).set(this.buf.subarray(0, this.length));
    return out;
  }
}

/** A dictionary-encoded string column: codes index `values`; code 0 is unknown. */
export interface DictColumn {
  codes: Uint32Array;
  values: string[];
}

class DictBuilder {
  readonly codes: Growable<Uint32Array>;
  readonly values: string[] = [''];
  private readonly index = new Map<string, number>();
  constructor(capacity: number) {
    this.codes = new Growable(Uint32Array, capacity);
  }
  push(v: string | null): void {
    if (v === null || v === '') {
      this.codes.push(0);
      return;
    }
    let code = this.index.get(v);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(v);
      this.index.set(v, code);
    }
    this.codes.push(code);
  }
  finish(shared: boolean): DictColumn {
    return { codes: this.codes.finish(shared), values: this.values };
  }
}

export interface RegistryColumns {
  iin: Float64Array;
  lastName: DictColumn;
  firstName: DictColumn;
  middleName: DictColumn;
  /** Index in SEXES. */
  sex: Int8Array;
  /** YYYYMMDD. */
  birthYmd: Int32Array;
  /** Index in CUSTODIES. */
  custody: Int8Array;
  facility: DictColumn;
  region: DictColumn;
  articlesKnown: Int8Array;
  articleOffsets: Uint32Array;
  /** Article part indexes in the Criminal Code table. */
  articleValues: Uint16Array;
  offenceDay: Int32Array;
  /** Index in SENTENCE_TYPES. */
  sentenceType: Int8Array;
  sentenceStartDay: Int32Array;
  sentenceEndDay: Int32Array;
  imposedTermMonths: Int32Array;
  /** Days of the imposed term beyond its months; -1 unknown. */
  imposedTermDays: Int16Array;
  priorConvictions: Int16Array;
  /** Index in RECIDIVISMS. */
  recidivism: Int8Array;
  /** Index in BEHAVIOURS. */
  behaviour: Int8Array;
  maliciousViolator: Int8Array;
  pregnant: Int8Array;
  childrenKnown: Int8Array;
  childOffsets: Uint32Array;
  /** YYYYMMDD of each child. */
  childBirthYmd: Int32Array;
  disabledChild: Int8Array;
  parentalRightsDeprived: Int8Array;
  disabilityGroup: Int8Array;
  veteran: Int8Array;
  pensioner: Int8Array;
  singleParent: Int8Array;
  civilClaimAmount: Float64Array;
  civilClaimPaid: Float64Array;
  damageCaused: Int8Array;
  damageCompensated: Int8Array;
  priorImprisonment: Int8Array;
  juvenileColony: Int8Array;
  /** Index in DISABLED_CHILD_GROUPS. */
  disabledChildGroup: Int8Array;
  /** Index in VETERAN_KINDS. */
  veteranKind: Int8Array;
  victimAged14To18: Int8Array;
  /** Derived: index in GRAVITIES of the gravest offence; -1 when articles are unknown. */
  gravity: Int8Array;
  /** Derived: OR of the tag bits of every article part of the person (at most 16 tags). */
  /** Tags of the person's convictions: bit i certain, bit 16 + i maybe (law/criminal-code.ts, MAYBE_SHIFT). */
  tagMask: Uint32Array;
  /** Derived: 1 when every offence is negligent, 0 when one is intentional, -1 unknown. */
  negligent: Int8Array;
  /** Derived: 1 when an offence is violent (violence used or threatened), 0 when none is, -1 unknown. */
  violent: Int8Array;
  /** Derived: 1 when a civil claim is left unpaid, 0 when none is, -1 unknown (see the fact unpaid_claim). */
  unpaidClaim: Int8Array;
  /** Derived: 1 when a civil claim was filed (amount > 0), 0 when not, -1 unknown. */
  claimFiled: Int8Array;
  /** Derived: age in completed years on the day of the offence, -1 unknown. */
  ageAtOffence: Int8Array;
}

export type ColumnName = keyof RegistryColumns;

export class Registry {
  private ids: readonly string[] | null;
  constructor(
    readonly size: number,
    /** Person ids by row, or a function that makes them when first needed (large snapshots). */
    personIds: readonly string[] | (() => readonly string[]),
    readonly columns: RegistryColumns,
    /** The Criminal Code table the article indexes refer to. */
    readonly law: CriminalCode,
  ) {
    if (typeof personIds === 'function') {
      this.ids = null;
      this.makeIds = personIds;
    } else this.ids = personIds;
  }
  private makeIds: (() => readonly string[]) | null = null;

  get personId(): readonly string[] {
    if (this.ids === null) this.ids = present(this.makeIds, 'the person ids of a registry, or their pattern')();
    return this.ids;
  }

  /** Row index of a person id, or -1. */
  indexOf(personId: string): number {
    if (!this.idIndex) this.idIndex = new Map(this.personId.map((id, i) => [id, i]));
    return this.idIndex.get(personId) ?? -1;
  }
  private idIndex: Map<string, number> | undefined;

  /** The article entries (indexes into the Criminal Code table) of one person; null when unknown. */
  articlesOf(i: number): number[] | null {
    const c = this.columns;
    return c.articlesKnown[i] ? Array.from(c.articleValues.subarray(c.articleOffsets[i]!, c.articleOffsets[i + 1]!)) : null;
  }

  /** The typed record of one person, read back from the columns. */
  record(i: number): PersonRecord {
    const c = this.columns;
    const b = (a: Int8Array): boolean | null => (a[i] === UNKNOWN ? null : a[i] === 1);
    const e = <T>(list: readonly T[], a: Int8Array): T | null => (a[i] === UNKNOWN ? null : (list[a[i]!] as T));
    const d = (a: Int32Array): number | null => (a[i] === UNKNOWN_DATE ? null : a[i]!);
    const n = (a: Int32Array | Int16Array | Int8Array): number | null => (a[i]! < 0 ? null : a[i]!);
    const s = (col: DictColumn): string | null => (col.codes[i] === 0 ? null : col.values[col.codes[i]!]!);
    const f = (a: Float64Array): number | null => (Number.isNaN(a[i]!) ? null : a[i]!);
    return {
      personId: this.personId[i]!,
      iin: Number.isNaN(c.iin[i]!) ? null : String(c.iin[i]).padStart(12, '0'),
      lastName: s(c.lastName),
      firstName: s(c.firstName),
      middleName: s(c.middleName),
      sex: e(SEXES, c.sex),
      birthYmd: d(c.birthYmd),
      custody: e(CUSTODIES, c.custody),
      facility: s(c.facility),
      region: s(c.region),
      articles: c.articlesKnown[i] ? Array.from(c.articleValues.subarray(c.articleOffsets[i]!, c.articleOffsets[i + 1]!)) : null,
      offenceDay: d(c.offenceDay),
      sentenceType: e(SENTENCE_TYPES, c.sentenceType),
      sentenceStartDay: d(c.sentenceStartDay),
      sentenceEndDay: d(c.sentenceEndDay),
      imposedTermMonths: n(c.imposedTermMonths),
      imposedTermDays: n(c.imposedTermDays),
      priorConvictions: n(c.priorConvictions),
      recidivism: e(RECIDIVISMS, c.recidivism),
      behaviour: e(BEHAVIOURS, c.behaviour),
      maliciousViolator: b(c.maliciousViolator),
      pregnant: b(c.pregnant),
      childrenBirthYmd: c.childrenKnown[i] ? Array.from(c.childBirthYmd.subarray(c.childOffsets[i]!, c.childOffsets[i + 1]!)) : null,
      disabledChild: b(c.disabledChild),
      parentalRightsDeprived: b(c.parentalRightsDeprived),
      disabilityGroup: n(c.disabilityGroup) as 0 | 1 | 2 | 3 | null,
      veteran: b(c.veteran),
      pensioner: b(c.pensioner),
      singleParent: b(c.singleParent),
      civilClaimAmount: f(c.civilClaimAmount),
      civilClaimPaid: f(c.civilClaimPaid),
      damageCaused: b(c.damageCaused),
      damageCompensated: b(c.damageCompensated),
      priorImprisonment: b(c.priorImprisonment),
      juvenileColony: b(c.juvenileColony),
      disabledChildGroup: e(DISABLED_CHILD_GROUPS, c.disabledChildGroup),
      veteranKind: e(VETERAN_KINDS, c.veteranKind),
      victimAged14To18: b(c.victimAged14To18),
    };
  }

  /** Bytes held by the typed-array columns (dictionary strings and person ids not counted). */
  columnBytes(names: readonly ColumnName[] = Object.keys(this.columns) as ColumnName[]): number {
    let total = 0;
    for (const name of names) {
      const col = this.columns[name];
      total += 'codes' in col ? col.codes.byteLength : col.byteLength;
    }
    return total;
  }
}

/** Derived from the article parts: gravest gravity, tag bits, all negligent, one violent (-1 unknown). */
function articleFacts(law: CriminalCode, articles: ArrayLike<number> | null): { gravity: number; tagMask: number; negligent: number; violent: number } {
  let gravity = UNKNOWN;
  let tagMask = 0;
  let negligent: number = UNKNOWN;
  let violent: number = UNKNOWN;
  if (articles !== null && articles.length > 0) {
    negligent = 1;
    violent = 0;
    for (let k = 0; k < articles.length; k++) {
      const part = law.parts[articles[k]!]!;
      gravity = Math.max(gravity, GRAVITIES.indexOf(part.gravity));
      tagMask |= part.tagMask;
      if (part.intent === 'intentional') negligent = 0;
      if (part.violent === 'yes' || part.violent === 'threat') violent = 1;
    }
  }
  return { gravity, tagMask, negligent, violent };
}

/** 1 when a civil claim is left unpaid, 0 when none is, -1 unknown (NaN = unknown amount). */
const unpaidClaimOf = (amount: number, paid: number): number => (Number.isNaN(amount) ? UNKNOWN : amount === 0 ? 0 : Number.isNaN(paid) ? UNKNOWN : amount - paid > 0 ? 1 : 0);
const claimFiledOf = (amount: number): number => (Number.isNaN(amount) ? UNKNOWN : amount > 0 ? 1 : 0);
function ageAtOffenceOf(birthYmd: number, offenceDay: number): number {
  if (birthYmd === UNKNOWN_DATE || offenceDay === UNKNOWN_DATE) return UNKNOWN;
  const age = Math.floor((ymdOfDay(offenceDay) - birthYmd) / 10000);
  return age < 0 || age > 127 ? UNKNOWN : age;
}

/** The first derived value that differs from the one computed again from the person's other columns. */
export function findDerivedMismatch(c: RegistryColumns, size: number, law: CriminalCode): { column: ColumnName; row: number } | null {
  const gravityOf = Int8Array.from(law.parts, (p) => GRAVITIES.indexOf(p.gravity));
  const tagsOf = Uint32Array.from(law.parts, (p) => p.tagMask >>> 0);
  const intentionalOf = Uint8Array.from(law.parts, (p) => (p.intent === 'intentional' ? 1 : 0));
  const violentOf = Uint8Array.from(law.parts, (p) => (p.violent === 'yes' || p.violent === 'threat' ? 1 : 0));
  const { articleOffsets: off, articleValues: val, articlesKnown: known } = c;
  const { gravity: gravityCol, tagMask: tagCol, negligent: negligentCol, violent: violentCol, unpaidClaim, claimFiled, ageAtOffence, civilClaimAmount, civilClaimPaid, birthYmd, offenceDay } = c;
  for (let i = 0; i < size; i++) {
    let gravity = UNKNOWN;
    let tagMask = 0;
    let negligent: number = UNKNOWN;
    let violent: number = UNKNOWN;
    const from = off[i]!;
    const to = off[i + 1]!;
    if (known[i] && to > from) {
      negligent = 1;
      violent = 0;
      for (let k = from; k < to; k++) {
        const a = val[k]!;
        if (gravityOf[a]! > gravity) gravity = gravityOf[a]!;
        tagMask |= tagsOf[a]!;
        if (intentionalOf[a]) negligent = 0;
        if (violentOf[a]) violent = 1;
      }
    }
    if (gravityCol[i] !== gravity) return { column: 'gravity', row: i };
    if (tagCol[i] !== tagMask >>> 0) return { column: 'tagMask', row: i };
    if (negligentCol[i] !== negligent) return { column: 'negligent', row: i };
    if (violentCol[i] !== violent) return { column: 'violent', row: i };
    if (unpaidClaim[i] !== unpaidClaimOf(civilClaimAmount[i]!, civilClaimPaid[i]!)) return { column: 'unpaidClaim', row: i };
    if (claimFiled[i] !== claimFiledOf(civilClaimAmount[i]!)) return { column: 'claimFiled', row: i };
    if (ageAtOffence[i] !== ageAtOffenceOf(birthYmd[i]!, offenceDay[i]!)) return { column: 'ageAtOffence', row: i };
  }
  return null;
}

/** Index of the first value outside [lo, hi] other than `except`, or -1 (one function per array type). */
function outsideI8(a: Int8Array, n: number, lo: number, hi: number, except: number): number {
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    if ((v < lo || v > hi) && v !== except) return i;
  }
  return -1;
}
function outsideI16(a: Int16Array, n: number, lo: number, hi: number, except: number): number {
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    if ((v < lo || v > hi) && v !== except) return i;
  }
  return -1;
}
function outsideI32(a: Int32Array, n: number, lo: number, hi: number, except: number): number {
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    if ((v < lo || v > hi) && v !== except) return i;
  }
  return -1;
}
function outsideU32(a: Uint32Array, n: number, lo: number, hi: number, except: number): number {
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    if ((v < lo || v > hi) && v !== except) return i;
  }
  return -1;
}
function outsideF64(a: Float64Array, n: number, lo: number, hi: number, except: number): number {
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    if ((v < lo || v > hi) && v !== except) return i;
  }
  return -1;
}

const MIN_DAY = dayNumberOf(1900, 1, 1);
const MAX_DAY = dayNumberOf(2100, 12, 31);

/**
 * The first value outside its column's domain (a snapshot read from disk is checked with this):
 * codes of enumerations and dictionaries, booleans, dates, counts, amounts, ИИН, list offsets.
 */
// long: the domain of each column of a snapshot read from disk, one check per column
export function findValueProblem(c: RegistryColumns, size: number, law: CriminalCode): { column: ColumnName; row: number; message: Message } | null {
  const enumCols: [ColumnName, Int8Array, number][] = [
    ['sex', c.sex, SEXES.length],
    ['custody', c.custody, CUSTODIES.length],
    ['sentenceType', c.sentenceType, SENTENCE_TYPES.length],
    ['recidivism', c.recidivism, RECIDIVISMS.length],
    ['behaviour', c.behaviour, BEHAVIOURS.length],
    ['disabilityGroup', c.disabilityGroup, 4],
    ['disabledChildGroup', c.disabledChildGroup, DISABLED_CHILD_GROUPS.length],
    ['veteranKind', c.veteranKind, VETERAN_KINDS.length],
  ];
  const boolCols: [ColumnName, Int8Array][] = [
    ['maliciousViolator', c.maliciousViolator],
    ['pregnant', c.pregnant],
    ['disabledChild', c.disabledChild],
    ['parentalRightsDeprived', c.parentalRightsDeprived],
    ['veteran', c.veteran],
    ['pensioner', c.pensioner],
    ['singleParent', c.singleParent],
    ['damageCaused', c.damageCaused],
    ['damageCompensated', c.damageCompensated],
    ['priorImprisonment', c.priorImprisonment],
    ['juvenileColony', c.juvenileColony],
    ['victimAged14To18', c.victimAged14To18],
  ];
  const dictCols: [ColumnName, DictColumn][] = [
    ['lastName', c.lastName],
    ['firstName', c.firstName],
    ['middleName', c.middleName],
    ['facility', c.facility],
    ['region', c.region],
  ];
  const dayCols: [ColumnName, Int32Array][] = [
    ['offenceDay', c.offenceDay],
    ['sentenceStartDay', c.sentenceStartDay],
    ['sentenceEndDay', c.sentenceEndDay],
  ];
  const validYmd = (v: number) => {
    const y = Math.floor(v / 10000);
    const m = Math.floor(v / 100) % 100;
    const d = v % 100;
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
  };
  for (const [column, d] of dictCols) if (d.values[0] !== '') return { column, row: 0, message: msg('file.value.dictionary_start') };
  if (c.articleOffsets[0] !== 0 || c.childOffsets[0] !== 0) return { column: 'articleOffsets', row: 0, message: msg('file.value.lists_start') };
  // Column by column: each loop runs over one typed array of one type (so that it stays fast) and compares with two bounds.
  const outside = (a: Int8Array | Int16Array | Int32Array | Uint32Array | Float64Array, lo: number, hi: number, except = lo): number =>
    a instanceof Int8Array ? outsideI8(a, size, lo, hi, except)
    : a instanceof Int16Array ? outsideI16(a, size, lo, hi, except)
    : a instanceof Int32Array ? outsideI32(a, size, lo, hi, except)
    : a instanceof Uint32Array ? outsideU32(a, size, lo, hi, except)
    : outsideF64(a, size, lo, hi, except);
  for (const [column, a, n] of enumCols) {
    const i = outside(a, -1, n - 1);
    if (i >= 0) return { column, row: i, message: msg('file.value.code_range', { value: String(a[i]), max: n - 1 }) };
  }
  for (const [column, a] of boolCols) {
    const i = outside(a, -1, 1);
    if (i >= 0) return { column, row: i, message: msg('file.value.tristate', { value: String(a[i]) }) };
  }
  for (const [column, d] of dictCols) {
    const i = outside(d.codes, 0, d.values.length - 1);
    if (i >= 0) return { column, row: i, message: msg('file.value.dictionary_code', { value: String(d.codes[i]), size: d.values.length }) };
  }
  for (const [column, a] of dayCols) {
    const i = outside(a, MIN_DAY, MAX_DAY, UNKNOWN_DATE);
    if (i >= 0) return { column, row: i, message: msg('file.value.day_range', { value: String(a[i]) }) };
  }
  let i = outside(c.birthYmd, 19000101, 21001231, UNKNOWN_DATE);
  if (i < 0) for (let k = 0; k < size && i < 0; k++) if (c.birthYmd[k] !== UNKNOWN_DATE && !validYmd(c.birthYmd[k]!)) i = k;
  if (i >= 0) return { column: 'birthYmd', row: i, message: msg('file.value.not_date', { value: String(c.birthYmd[i]) }) };
  i = outside(c.imposedTermMonths, -1, 9999);
  if (i >= 0) return { column: 'imposedTermMonths', row: i, message: msg('file.value.out_of_range', { value: String(c.imposedTermMonths[i]) }) };
  i = outside(c.imposedTermDays, -1, 366);
  if (i >= 0) return { column: 'imposedTermDays', row: i, message: msg('file.value.out_of_range', { value: String(c.imposedTermDays[i]) }) };
  i = outside(c.priorConvictions, -1, 9999);
  if (i >= 0) return { column: 'priorConvictions', row: i, message: msg('file.value.out_of_range', { value: String(c.priorConvictions[i]) }) };
  // NaN (unknown) is never below or above a bound.
  for (const [column, a] of [['civilClaimAmount', c.civilClaimAmount], ['civilClaimPaid', c.civilClaimPaid]] as const) {
    i = outside(a, 0, 1e13 - 0.01);
    if (i >= 0) return { column, row: i, message: msg('file.value.out_of_range', { value: String(a[i]) }) };
  }
  i = outside(c.iin, 0, 999_999_999_999);
  if (i < 0) for (let k = 0; k < size && i < 0; k++) if (c.iin[k]! % 1 !== 0 && !Number.isNaN(c.iin[k]!)) i = k;
  if (i >= 0) return { column: 'iin', row: i, message: msg('file.value.not_iin', { value: String(c.iin[i]) }) };
  for (const [column, a] of [['articlesKnown', c.articlesKnown], ['childrenKnown', c.childrenKnown]] as const) {
    i = outside(a, 0, 1);
    if (i >= 0) return { column, row: i, message: msg('file.value.flag') };
  }
  for (let k = 0; k < size; k++) {
    if (c.articleOffsets[k + 1]! < c.articleOffsets[k]!) return { column: 'articleOffsets', row: k, message: msg('file.value.offsets_backwards') };
    if (c.childOffsets[k + 1]! < c.childOffsets[k]!) return { column: 'childOffsets', row: k, message: msg('file.value.offsets_backwards') };
    if (!c.articlesKnown[k] && c.articleOffsets[k + 1] !== c.articleOffsets[k]) return { column: 'articleOffsets', row: k, message: msg('file.value.articles_unknown') };
    if (!c.childrenKnown[k] && c.childOffsets[k + 1] !== c.childOffsets[k]) return { column: 'childOffsets', row: k, message: msg('file.value.children_unknown') };
  }
  for (let k = 0; k < c.articleValues.length; k++) if (c.articleValues[k]! >= law.parts.length) return { column: 'articleValues', row: k, message: msg('file.value.article_part', { value: String(c.articleValues[k]) }) };
  for (let k = 0; k < c.childBirthYmd.length; k++) if (!validYmd(c.childBirthYmd[k]!)) return { column: 'childBirthYmd', row: k, message: msg('file.value.not_date', { value: String(c.childBirthYmd[k]) }) };
  return null;
}

const bool = (v: boolean | null): number => (v === null ? UNKNOWN : v ? 1 : 0);
const idx = <T>(list: readonly T[], v: T | null): number => (v === null ? UNKNOWN : list.indexOf(v));

/** Appends person records and produces a columnar Registry. */
export class RegistryBuilder {
  private readonly ids: string[] = [];
  private readonly g;
  private readonly dicts;

  constructor(
    private readonly law: CriminalCode,
    capacity = 1024,
  ) {
    const i8 = () => new Growable(Int8Array, capacity);
    const i32 = () => new Growable(Int32Array, capacity);
    const f64 = () => new Growable(Float64Array, capacity);
    this.g = {
      iin: f64(),
      sex: i8(),
      birthYmd: i32(),
      custody: i8(),
      articlesKnown: i8(),
      articleOffsets: new Growable(Uint32Array, capacity + 1),
      articleValues: new Growable(Uint16Array, capacity * 2),
      offenceDay: i32(),
      sentenceType: i8(),
      sentenceStartDay: i32(),
      sentenceEndDay: i32(),
      imposedTermMonths: i32(),
      imposedTermDays: new Growable(Int16Array, capacity),
      priorConvictions: new Growable(Int16Array, capacity),
      recidivism: i8(),
      behaviour: i8(),
      maliciousViolator: i8(),
      pregnant: i8(),
      childrenKnown: i8(),
      childOffsets: new Growable(Uint32Array, capacity + 1),
      childBirthYmd: i32(),
      disabledChild: i8(),
      parentalRightsDeprived: i8(),
      disabilityGroup: i8(),
      veteran: i8(),
      pensioner: i8(),
      singleParent: i8(),
      civilClaimAmount: f64(),
      civilClaimPaid: f64(),
      damageCaused: i8(),
      damageCompensated: i8(),
      priorImprisonment: i8(),
      juvenileColony: i8(),
      disabledChildGroup: i8(),
      veteranKind: i8(),
      victimAged14To18: i8(),
      gravity: i8(),
      tagMask: new Growable(Uint32Array, capacity),
      unpaidClaim: i8(),
      claimFiled: i8(),
      ageAtOffence: i8(),
      negligent: i8(),
      violent: i8(),
    };
    this.g.articleOffsets.push(0);
    this.g.childOffsets.push(0);
    this.dicts = {
      lastName: new DictBuilder(capacity),
      firstName: new DictBuilder(capacity),
      middleName: new DictBuilder(capacity),
      facility: new DictBuilder(capacity),
      region: new DictBuilder(capacity),
    };
  }

  get size(): number {
    return this.ids.length;
  }

  push(r: PersonRecord): void {
    const g = this.g;
    this.ids.push(r.personId);
    g.iin.push(r.iin === null ? NaN : Number(r.iin));
    this.dicts.lastName.push(r.lastName);
    this.dicts.firstName.push(r.firstName);
    this.dicts.middleName.push(r.middleName);
    g.sex.push(idx(SEXES, r.sex));
    g.birthYmd.push(r.birthYmd ?? UNKNOWN_DATE);
    g.custody.push(idx(CUSTODIES, r.custody));
    this.dicts.facility.push(r.facility);
    this.dicts.region.push(r.region);
    g.articlesKnown.push(r.articles === null ? 0 : 1);
    const derived = articleFacts(this.law, r.articles);
    if (r.articles !== null) for (const a of r.articles) g.articleValues.push(a);
    const { gravity, tagMask, negligent, violent } = derived;
    g.articleOffsets.push(g.articleValues.length);
    g.gravity.push(gravity);
    g.tagMask.push(tagMask >>> 0);
    g.negligent.push(negligent);
    g.violent.push(violent);
    g.offenceDay.push(r.offenceDay ?? UNKNOWN_DATE);
    g.sentenceType.push(idx(SENTENCE_TYPES, r.sentenceType));
    g.sentenceStartDay.push(r.sentenceStartDay ?? UNKNOWN_DATE);
    g.sentenceEndDay.push(r.sentenceEndDay ?? UNKNOWN_DATE);
    g.imposedTermMonths.push(r.imposedTermMonths ?? UNKNOWN);
    g.imposedTermDays.push(r.imposedTermDays ?? UNKNOWN);
    g.priorConvictions.push(r.priorConvictions ?? UNKNOWN);
    g.recidivism.push(idx(RECIDIVISMS, r.recidivism));
    g.behaviour.push(idx(BEHAVIOURS, r.behaviour));
    g.maliciousViolator.push(bool(r.maliciousViolator));
    g.pregnant.push(bool(r.pregnant));
    g.childrenKnown.push(r.childrenBirthYmd === null ? 0 : 1);
    if (r.childrenBirthYmd !== null) for (const c of r.childrenBirthYmd) g.childBirthYmd.push(c);
    g.childOffsets.push(g.childBirthYmd.length);
    g.disabledChild.push(bool(r.disabledChild));
    g.parentalRightsDeprived.push(bool(r.parentalRightsDeprived));
    g.disabilityGroup.push(r.disabilityGroup ?? UNKNOWN);
    g.veteran.push(bool(r.veteran));
    g.pensioner.push(bool(r.pensioner));
    g.singleParent.push(bool(r.singleParent));
    g.civilClaimAmount.push(r.civilClaimAmount ?? NaN);
    g.civilClaimPaid.push(r.civilClaimPaid ?? NaN);
    g.damageCaused.push(bool(r.damageCaused));
    g.damageCompensated.push(bool(r.damageCompensated));
    g.priorImprisonment.push(bool(r.priorImprisonment));
    g.juvenileColony.push(bool(r.juvenileColony));
    g.disabledChildGroup.push(idx(DISABLED_CHILD_GROUPS, r.disabledChildGroup));
    g.veteranKind.push(idx(VETERAN_KINDS, r.veteranKind));
    g.victimAged14To18.push(bool(r.victimAged14To18));
    g.unpaidClaim.push(unpaidClaimOf(r.civilClaimAmount ?? NaN, r.civilClaimPaid ?? NaN));
    g.claimFiled.push(claimFiledOf(r.civilClaimAmount ?? NaN));
    g.ageAtOffence.push(ageAtOffenceOf(r.birthYmd ?? UNKNOWN_DATE, r.offenceDay ?? UNKNOWN_DATE));
  }

  /** The finished registry; with `shared`, every typed column lies in a SharedArrayBuffer. */
  finish(shared = false): Registry {
    const g = this.g;
    const d = this.dicts;
    const columns: RegistryColumns = {
      iin: g.iin.finish(shared),
      lastName: d.lastName.finish(shared),
      firstName: d.firstName.finish(shared),
      middleName: d.middleName.finish(shared),
      sex: g.sex.finish(shared),
      birthYmd: g.birthYmd.finish(shared),
      custody: g.custody.finish(shared),
      facility: d.facility.finish(shared),
      region: d.region.finish(shared),
      articlesKnown: g.articlesKnown.finish(shared),
      articleOffsets: g.articleOffsets.finish(shared),
      articleValues: g.articleValues.finish(shared),
      offenceDay: g.offenceDay.finish(shared),
      sentenceType: g.sentenceType.finish(shared),
      sentenceStartDay: g.sentenceStartDay.finish(shared),
      sentenceEndDay: g.sentenceEndDay.finish(shared),
      imposedTermMonths: g.imposedTermMonths.finish(shared),
      imposedTermDays: g.imposedTermDays.finish(shared),
      priorConvictions: g.priorConvictions.finish(shared),
      recidivism: g.recidivism.finish(shared),
      behaviour: g.behaviour.finish(shared),
      maliciousViolator: g.maliciousViolator.finish(shared),
      pregnant: g.pregnant.finish(shared),
      childrenKnown: g.childrenKnown.finish(shared),
      childOffsets: g.childOffsets.finish(shared),
      childBirthYmd: g.childBirthYmd.finish(shared),
      disabledChild: g.disabledChild.finish(shared),
      parentalRightsDeprived: g.parentalRightsDeprived.finish(shared),
      disabilityGroup: g.disabilityGroup.finish(shared),
      veteran: g.veteran.finish(shared),
      pensioner: g.pensioner.finish(shared),
      singleParent: g.singleParent.finish(shared),
      civilClaimAmount: g.civilClaimAmount.finish(shared),
      civilClaimPaid: g.civilClaimPaid.finish(shared),
      damageCaused: g.damageCaused.finish(shared),
      damageCompensated: g.damageCompensated.finish(shared),
      priorImprisonment: g.priorImprisonment.finish(shared),
      juvenileColony: g.juvenileColony.finish(shared),
      disabledChildGroup: g.disabledChildGroup.finish(shared),
      veteranKind: g.veteranKind.finish(shared),
      victimAged14To18: g.victimAged14To18.finish(shared),
      gravity: g.gravity.finish(shared),
      tagMask: g.tagMask.finish(shared),
      negligent: g.negligent.finish(shared),
      violent: g.violent.finish(shared),
      unpaidClaim: g.unpaidClaim.finish(shared),
      claimFiled: g.claimFiled.finish(shared),
      ageAtOffence: g.ageAtOffence.finish(shared),
    };
    return new Registry(this.ids.length, this.ids, columns, this.law);
  }
}

export function registryOf(law: CriminalCode, records: Iterable<PersonRecord>): Registry {
  const b = new RegistryBuilder(law);
  for (const r of records) b.push(r);
  return b.finish();
}
