/**
 * The registry data contract, row by row: each cell is parsed by a zod schema of its column,
 * then the rules that span columns (ИИН agreement, order of dates, …) are checked.
 * Every problem names its row, column, value and rule; see docs/data-contract.md.
 */
import { z } from 'zod';
import { BEHAVIOURS, CUSTODIES, CUSTODY_ALIASES, DISABLED_CHILD_GROUP_ALIASES, DISABLED_CHILD_GROUPS, RECIDIVISMS, SENTENCE_TYPES, SEXES, VETERAN_KINDS, type Custody } from '../domain/enums.ts';
import { parseIsoDate, ymdOfDay, dayOfYmd, formatIsoDate } from '../domain/dates.ts';
import { checkIin } from '../domain/iin.ts';
import type { CriminalCode } from '../law/criminal-code.ts';
import { entryAt } from '../domain/lookup.ts';
import { listOf, msg, type Message } from '../i18n/message.ts';
import { CONTRACT_COLUMNS, NO_CHILDREN, OPTIONAL_COLUMNS, type ContractColumn, type PersonRecord } from './record.ts';

export type Severity = 'error' | 'warning';

export interface RowIssue {
  severity: Severity;
  /** Row number as a spreadsheet shows it: the header is row 1, the first person row 2. */
  row: number;
  column: ContractColumn | null;
  value: string;
  /** A stable rule code, e.g. `iin.check_digit`, `dates.order`, `articles.unknown`. */
  rule: string;
  /** The detail: a message of src/i18n/errors/registry.ts, rendered in the reader's language. */
  message: Message;
  /** In a workbook: the cell's address, e.g. `C7`. */
  cell?: string;
}

/** The longest text a cell may hold. */
export const CELL_MAX_CHARS = 256;

/**
 * Characters no registry cell holds: C0 and C1 controls (NUL, line breaks, tabs inside a cell),
 * DEL, zero-width and direction marks, line and paragraph separators, a byte-order mark.
 */
const FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/u;

/**
 * UTF-8 Cyrillic read as Windows-1251 or Latin-1 and saved again ("РђР»", "Ð•Ñ€"): two or more
 * such pairs in a cell mean the text was garbled before it reached us.
 */
const MOJIBAKE = /[РС][\u0402\u0403\u201A\u0453\u201E\u2026\u2020\u2021\u20AC\u2030\u0409\u2039\u040A\u040C\u040B\u040F\u0452\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u2122\u0459\u203A\u045A\u045C\u045B\u045F\u040E\u045E\u0408\u00A4\u0490\u00A6\u00A7\u00A9\u0404\u00AC\u00AD\u00AE\u0407\u00B0\u00B1\u0406\u0456\u0491\u00B5\u00B6\u00B7\u0454\u0458\u0405\u0455\u0457]|[ÐÑ][\u0080-\u00BF]/gu;

/** Error values of spreadsheets (English and Russian Excel), never a registry value. */
const SPREADSHEET_ERRORS = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA|Н\/Д|ССЫЛКА!|ЗНАЧ!|ДЕЛ\/0!|ИМЯ\?|ПУСТО!|ЧИСЛО!)$/u;

/** Anything that can make a cell's text a problem; most cells have none of it and are passed at once. */
const SUSPECT = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFFD#РСÐÑ]/u;
const MOJIBAKE_ONE = new RegExp(MOJIBAKE.source, 'u');

/** The first problem of a cell's text, whatever its column. */
export function textProblem(s: string): { rule: string; message: Message } | null {
  if (s.length > CELL_MAX_CHARS) return { rule: 'text.too_long', message: msg('registry.text_too_long', { length: s.length, max: CELL_MAX_CHARS }) };
  if (!SUSPECT.test(s)) return null;
  const bad = FORBIDDEN.exec(s);
  if (bad) {
    const code = (bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return { rule: 'text.control_character', message: msg('registry.control_character', { code, position: bad.index + 1 }) };
  }
  if (SPREADSHEET_ERRORS.test(s)) return { rule: 'cell.error', message: msg('registry.error_value', { value: s }) };
  if (s.includes('\uFFFD')) return { rule: 'text.replacement_character', message: msg('registry.replacement_character') };
  if (MOJIBAKE_ONE.test(s)) {
    const moji = s.match(MOJIBAKE);
    if (moji && moji.length >= 2) return { rule: 'text.mojibake', message: msg('registry.mojibake', { sample: moji.slice(0, 3).join(' ') }) };
  }
  return null;
}

/**
 * Text that a spreadsheet would run as a formula is written with a leading apostrophe
 * (src/domain/spreadsheet.ts); reading takes it off again, so that a written file reads back the same.
 */
export function unescapeSpreadsheetText(s: string): string {
  return /^'[=+\-@'\t\r]/.test(s) ? s.slice(1) : s;
}

/** A cell: trimmed text, empty = unknown (null), otherwise parsed by `inner`. */
function cell<T extends z.ZodType>(inner: T, text = false) {
  return z.string().transform((raw, ctx): z.output<T> | null => {
    let s = raw.trim();
    if (s === '') return null;
    const problem = textProblem(s);
    if (problem) {
      ctx.addIssue({ code: 'custom', ...custom(problem.rule, problem.message) });
      return z.NEVER;
    }
    if (text) s = unescapeSpreadsheetText(s);
    const r = inner.safeParse(s);
    if (!r.success) {
      for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', ...custom(ruleOf(issue), detailOf(issue)) });
      return z.NEVER;
    }
    return r.data;
  });
}

function ruleOf(issue: z.core.$ZodIssue): string {
  const params = (issue as { params?: { rule?: unknown } }).params;
  if (params && typeof params.rule === 'string') return params.rule;
  return issue.code === 'invalid_value' ? 'enum' : 'format';
}

/** The detail our schema gave an issue (its params carry the message); zod's own issues, which the cells never raise, are named as invalid values. */
function detailOf(issue: z.core.$ZodIssue): Message {
  const params = (issue as { params?: { detail?: Message } }).params;
  return params?.detail ?? msg('data.invalid', { detail: issue.message });
}

/** A custom issue of a cell: its rule code and its message of the catalogue. */
const custom = (rule: string, message: Message) => ({ message: message.key, params: { rule, detail: message } });

const EARLIEST_DAY = parseIsoDate('1900-01-01') ?? 0;
const LATEST_DAY = parseIsoDate('2100-12-31') ?? 0;

const isoDate = z.string().transform((s, ctx) => {
  const d = parseIsoDate(s);
  if (d === null) {
    ctx.addIssue({ code: 'custom', ...custom('date.invalid', msg('registry.not_a_date', { value: s })) });
    return z.NEVER;
  }
  if (d < EARLIEST_DAY || d > LATEST_DAY) {
    ctx.addIssue({ code: 'custom', ...custom('date.range', msg('registry.date_range', { value: s })) });
    return z.NEVER;
  }
  return d;
});

const boolean = z.string().transform((s, ctx) => {
  const v = s.toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  ctx.addIssue({ code: 'custom', ...custom('boolean', msg('registry.boolean', { value: s })) });
  return z.NEVER;
});

/** Text matching a pattern; otherwise an issue with the rule's code. */
const matching = (pattern: RegExp, rule: string, message: Message) =>
  z.string().transform((s, ctx) => {
    if (!pattern.test(s)) {
      ctx.addIssue({ code: 'custom', ...custom(rule, message) });
      return z.NEVER;
    }
    return s;
  });

const count = (rule: string) => matching(/^\d{1,4}$/, rule, msg('registry.whole_number', { max: 9999 })).transform(Number);

/** Tenge: at most 13 digits before the point (under ten trillion) and 2 after (tiyn). */
const amount = matching(/^\d{1,13}(?:\.\d{1,2})?$/, 'amount', msg('registry.amount')).transform(Number);

const enumOf = <T extends readonly [string, ...string[]]>(values: T, rule: string, aliases: Record<string, T[number]> = {}) =>
  z.string().transform((s, ctx): T[number] => {
    if ((values as readonly string[]).includes(s)) return s as T[number];
    const alias = aliases[s];
    if (alias !== undefined) return alias;
    ctx.addIssue({ code: 'custom', ...custom(rule, msg('registry.one_of', { values: listOf(values), value: s })) });
    return z.NEVER;
  });

/** The zod schema of a row, for a given Criminal Code table (articles are resolved against it). */
export function rowSchema(law: CriminalCode) {
  const articles = z.string().transform((s, ctx) => {
    const refs = s.split(';').map((x) => x.trim());
    const out: number[] = [];
    for (const ref of refs) {
      if (ref === '') {
        ctx.addIssue({ code: 'custom', ...custom('articles.format', msg('registry.article_empty')) });
        continue;
      }
      const r = law.resolve(ref);
      if ('error' in r) ctx.addIssue({ code: 'custom', ...custom('articles.unknown', r.error) });
      else out.push(r.part.index);
    }
    return out;
  });
  const children = z.string().transform((s, ctx) => {
    if (s.toLowerCase() === NO_CHILDREN) return [] as number[];
    const out: number[] = [];
    for (const part of s.split(';').map((x) => x.trim())) {
      const d = parseIsoDate(part);
      if (d === null) ctx.addIssue({ code: 'custom', ...custom('date.invalid', msg('registry.not_a_date', { value: part })) });
      else if (d < EARLIEST_DAY || d > LATEST_DAY) ctx.addIssue({ code: 'custom', ...custom('date.range', msg('registry.date_range', { value: part })) });
      else out.push(ymdOfDay(d));
    }
    return out;
  });
  const schema = z.object({
    person_id: z.string().transform((raw, ctx) => {
      const s = raw.trim();
      if (s === '') {
        ctx.addIssue({ code: 'custom', ...custom('person_id.missing', msg('registry.person_id_missing')) });
        return z.NEVER;
      }
      const problem = textProblem(s);
      if (problem) {
        ctx.addIssue({ code: 'custom', ...custom(problem.rule, problem.message) });
        return z.NEVER;
      }
      return unescapeSpreadsheetText(s);
    }),
    iin: cell(matching(/^\d{12}$/, 'iin.format', msg('registry.iin_digits'))),
    last_name: cell(z.string(), true),
    first_name: cell(z.string(), true),
    middle_name: cell(z.string(), true),
    sex: cell(enumOf(SEXES, 'enum.sex', { Ж: 'F', М: 'M', Ә: 'F', Е: 'M' })),
    birth_date: cell(isoDate),
    custody: cell(enumOf(CUSTODIES, 'enum.custody', CUSTODY_ALIASES as Record<string, Custody>)),
    facility: cell(z.string(), true),
    region: cell(z.string(), true),
    articles: cell(articles),
    offence_date: cell(isoDate),
    sentence_type: cell(enumOf(SENTENCE_TYPES, 'enum.sentence_type')),
    sentence_start: cell(isoDate),
    sentence_end: cell(isoDate),
    imposed_term_months: cell(count('imposed_term_months.format')),
    prior_convictions: cell(count('prior_convictions.format')),
    recidivism: cell(enumOf(RECIDIVISMS, 'enum.recidivism')),
    behaviour: cell(enumOf(BEHAVIOURS, 'enum.behaviour')),
    malicious_violator: cell(boolean),
    pregnant: cell(boolean),
    children_birth_dates: cell(children),
    disabled_child: cell(boolean),
    parental_rights_deprived: cell(boolean),
    disability_group: cell(enumOf(['0', '1', '2', '3'], 'enum.disability_group')),
    veteran: cell(boolean),
    pensioner: cell(boolean),
    single_parent: cell(boolean),
    civil_claim_amount: cell(amount),
    civil_claim_paid: cell(amount),
    damage_caused: cell(boolean),
    damage_compensated: cell(boolean),
    imposed_term_days: cell(count('imposed_term_days.format')),
    prior_imprisonment: cell(boolean),
    juvenile_colony: cell(boolean),
    disabled_child_group: cell(enumOf(DISABLED_CHILD_GROUPS, 'enum.disabled_child_group', DISABLED_CHILD_GROUP_ALIASES)),
    veteran_kind: cell(enumOf(VETERAN_KINDS, 'enum.veteran_kind')),
    victim_aged_14_18: cell(boolean),
  });
  CODE_OF_SCHEMA.set(schema, law);
  return schema;
}
export type RowSchema = ReturnType<typeof rowSchema>;

// The table a schema resolves articles against: parseRow reads each conviction with the wording in
// force on the offence date (CriminalCode.wordingAt) without a parameter more.
const CODE_OF_SCHEMA = new WeakMap<object, CriminalCode>();

/** Minimum age of criminal responsibility (Criminal Code Art. 15: 16, and 14 for the gravest offences). */
const MIN_AGE_AT_OFFENCE = 14;

/**
 * Parses one row (cells by column name) into a record, or reports its issues.
 * A row with an error is rejected; warnings keep it.
 */
export function parseRow(
  schema: RowSchema,
  cells: Record<ContractColumn, string>,
  rowNumber: number,
): { record: PersonRecord | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  // a column the file leaves out means what OPTIONAL_COLUMNS says for every row
  for (const [column, absent] of Object.entries(OPTIONAL_COLUMNS) as [ContractColumn, string][]) if (cells[column] === undefined) cells = { ...cells, [column]: absent };
  const parsed = schema.safeParse(cells);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = issue.path[0] as ContractColumn;
      issues.push({ severity: 'error', row: rowNumber, column, value: cells[column] ?? '', rule: ruleOf(issue), message: detailOf(issue) });
    }
    return { record: null, issues };
  }
  const v = parsed.data;
  const err = (column: ContractColumn, rule: string, message: Message, severity: Severity = 'error') =>
    issues.push({ severity, row: rowNumber, column, value: cells[column] ?? '', rule, message });

  const birthYmd = v.birth_date === null ? null : ymdOfDay(v.birth_date);
  checkIinCell(v, birthYmd, err);
  checkDates(v, birthYmd, err);
  const articles = convictionsOf(schema, v, err);
  checkAgreement(v, birthYmd, err);

  if (issues.some((i) => i.severity === 'error')) return { record: null, issues };
  return { record: recordOf(v, birthYmd, articles), issues };
}

type RowValues = z.output<RowSchema>;
type Report = (column: ContractColumn, rule: string, message: Message, severity?: Severity) => void;

/** The ИИН against its check digit, and the birth date and sex it encodes against the row's (src/domain/iin.ts). */
function checkIinCell(v: RowValues, birthYmd: number | null, err: Report): void {
  if (v.iin !== null) {
    const p = checkIin(v.iin, birthYmd, v.sex);
    if (p !== null) {
      const message =
        p.rule === 'iin.check_digit'
          ? p.expected === null
            ? msg('registry.iin_never_issued')
            : msg('registry.iin_check_digit', { digit: v.iin.slice(11), expected: p.expected })
          : p.rule === 'iin.birth_date'
            ? msg('registry.iin_birth_date', { date: `${p.encoded.slice(0, 4)}-${p.encoded.slice(4, 6)}-${p.encoded.slice(6)}` })
            : p.rule === 'iin.sex'
              ? msg('registry.iin_sex', { sex: p.encoded })
              : p.rule === 'iin.century_digit'
                ? msg('registry.iin_century', { digit: p.digit })
                : msg('registry.iin_digits');
      err('iin', p.rule, message);
    }
  }
}

/** Dates in their order (birth, offence, start, end) and an age at the offence of criminal responsibility. */
function checkDates(v: RowValues, birthYmd: number | null, err: Report): void {
  const order: [ContractColumn, number | null][] = [
    ['birth_date', v.birth_date],
    ['offence_date', v.offence_date],
    ['sentence_start', v.sentence_start],
    ['sentence_end', v.sentence_end],
  ];
  for (const [i, [a, da]] of order.entries()) {
    for (const [b, db] of order.slice(i + 1)) {
      if (da === null || db === null) continue;
      const strict = b === 'sentence_end' && a === 'sentence_start';
      if (strict ? db <= da : db < da) {
        err(b, 'dates.order', msg(strict ? 'registry.date_not_after' : 'registry.date_before', { column: b, date: formatIsoDate(db), other: a, otherDate: formatIsoDate(da) }));
        break;
      }
    }
  }
  if (birthYmd !== null && v.offence_date !== null) {
    const age = Math.floor((ymdOfDay(v.offence_date) - birthYmd) / 10000);
    if (age < MIN_AGE_AT_OFFENCE && age >= 0)
      err('offence_date', 'dates.age_at_offence', msg('registry.age_at_offence', { age, min: MIN_AGE_AT_OFFENCE }));
  }
}

/** The convictions, each with its sanction's wording in force on the offence date; a Code not in force then is warned of. */
function convictionsOf(schema: RowSchema, v: RowValues, err: Report): number[] | null {
  const code = CODE_OF_SCHEMA.get(schema);
  let articles = v.articles;
  if (code !== undefined && articles !== null) {
    // each conviction with its sanction's wording in force on the offence date, where the table dates it
    articles = articles.map((a) => code.wordingAt(a, v.offence_date));
    // a part an amending law added cannot have been applied to an earlier offence: the date or the part is wrong
    for (const a of articles) {
      const first = v.offence_date === null ? null : code.firstDay(a);
      if (first !== null && v.offence_date !== null && v.offence_date < first) {
        const part = entryAt(code.parts, a, 'the Criminal Code table');
        err('articles', 'articles.not_in_force', msg('registry.article_not_in_force', { part: part.id, date: formatIsoDate(v.offence_date), from: formatIsoDate(first) }), 'warning');
        break;
      }
    }
    for (const a of articles) {
      const part = entryAt(code.parts, a, 'the Criminal Code table');
      const ed = code.edition(part.edition);
      if (ed === undefined || v.offence_date === null) continue;
      // an offence before the Code in force may be judged under it (Art. 6, a milder law reaches back);
      // an offence after a Code was replaced cannot be judged under the old one
      if (v.offence_date >= (ed.until ?? Infinity) || (part.edition !== null && v.offence_date < ed.inForce)) {
        const offence = { part: part.id, date: formatIsoDate(v.offence_date), code: ed.code, from: formatIsoDate(ed.inForce) };
        err('articles', 'articles.edition', ed.until === null ? msg('registry.article_edition_now', offence) : msg('registry.article_edition', { ...offence, until: formatIsoDate(ed.until - 1) }), 'warning');
        break;
      }
    }
  }
  return articles;
}

/** Columns that must agree with each other: pregnancy and sex, earlier imprisonment and convictions, the claim paid and its amount, custody and the punishment, children and the parent. */
function checkAgreement(v: RowValues, birthYmd: number | null, err: Report): void {
  if (v.pregnant === true && v.sex === 'M') err('pregnant', 'pregnant.sex', msg('registry.pregnant_man'));
  if (v.prior_imprisonment === true && v.prior_convictions === 0)
    err('prior_imprisonment', 'prior_imprisonment.without_convictions', msg('registry.prior_imprisonment'));
  if (v.juvenile_colony === true && v.prior_convictions === 0)
    err('juvenile_colony', 'juvenile_colony.without_convictions', msg('registry.juvenile_colony'));
  if (v.veteran_kind !== null && v.veteran !== null && (v.veteran_kind !== 'none') !== v.veteran)
    err('veteran_kind', 'veteran_kind.veteran', msg('registry.veteran_kind', { kind: v.veteran_kind, veteran: String(v.veteran) }));
  if (v.disabled_child_group !== null && v.disabled_child !== null && (v.disabled_child_group !== 'none') !== v.disabled_child)
    err('disabled_child_group', 'disabled_child_group.disabled_child', msg('registry.disabled_child_group', { group: v.disabled_child_group, disabled: String(v.disabled_child) }));
  if (v.civil_claim_amount !== null && v.civil_claim_paid !== null && v.civil_claim_paid > v.civil_claim_amount)
    err('civil_claim_paid', 'claim.paid_exceeds_amount', msg('registry.claim_paid', { paid: v.civil_claim_paid, amount: v.civil_claim_amount }));
  if (v.custody === 'institution' && v.sentence_type !== null && !['imprisonment', 'life_imprisonment', 'arrest'].includes(v.sentence_type))
    err('sentence_type', 'custody.sentence_type', msg('registry.custody_sentence', { sentence: v.sentence_type }));
  if (v.children_birth_dates !== null && birthYmd !== null) {
    const before = v.children_birth_dates.find((c) => c <= birthYmd);
    if (before !== undefined) err('children_birth_dates', 'children.before_parent', msg('registry.child_before_parent', { child: formatIsoDate(dayOfYmd(before)), parent: formatIsoDate(dayOfYmd(birthYmd)) }));
    else for (const c of v.children_birth_dates) {
      if (c < birthYmd + 120000) {
        err('children_birth_dates', 'children.parent_age', msg('registry.child_parent_age', { child: formatIsoDate(dayOfYmd(c)) }), 'warning');
        break;
      }
    }
  }
  if (v.damage_compensated === true && v.damage_caused === false)
    err('damage_compensated', 'damage.compensated_without_damage', msg('registry.damage_compensated'), 'warning');
  if (v.custody === 'probation' && (v.sentence_type === 'imprisonment' || v.sentence_type === 'life_imprisonment'))
    err('sentence_type', 'custody.sentence_type', msg('registry.probation_imprisonment'), 'warning');

}

/** The record of a valid row. */
function recordOf(v: RowValues, birthYmd: number | null, articles: number[] | null): PersonRecord {
  return {
    personId: v.person_id,
    iin: v.iin,
    lastName: v.last_name,
    firstName: v.first_name,
    middleName: v.middle_name,
    sex: v.sex,
    birthYmd,
    custody: v.custody,
    facility: v.facility,
    region: v.region,
    articles,
    offenceDay: v.offence_date,
    sentenceType: v.sentence_type,
    sentenceStartDay: v.sentence_start,
    sentenceEndDay: v.sentence_end,
    imposedTermMonths: v.imposed_term_months,
    priorConvictions: v.prior_convictions,
    recidivism: v.recidivism,
    behaviour: v.behaviour,
    maliciousViolator: v.malicious_violator,
    pregnant: v.pregnant,
    childrenBirthYmd: v.children_birth_dates,
    disabledChild: v.disabled_child,
    parentalRightsDeprived: v.parental_rights_deprived,
    disabilityGroup: v.disability_group === null ? null : (Number(v.disability_group) as 0 | 1 | 2 | 3),
    veteran: v.veteran,
    pensioner: v.pensioner,
    singleParent: v.single_parent,
    civilClaimAmount: v.civil_claim_amount,
    civilClaimPaid: v.civil_claim_paid,
    damageCaused: v.damage_caused,
    damageCompensated: v.damage_compensated,
    imposedTermDays: v.imposed_term_days,
    priorImprisonment: v.prior_imprisonment,
    juvenileColony: v.juvenile_colony,
    disabledChildGroup: v.disabled_child_group,
    veteranKind: v.veteran_kind,
    victimAged14To18: v.victim_aged_14_18,
  };
}

/** The cells of a record in the contract's columns, as a file holds them. */
export function recordToCells(r: PersonRecord, law: CriminalCode): Record<ContractColumn, string> {
  const s = (v: string | null) => v ?? '';
  const b = (v: boolean | null) => (v === null ? '' : v ? 'true' : 'false');
  const n = (v: number | null) => (v === null ? '' : String(v));
  const d = (v: number | null) => (v === null ? '' : formatIsoDate(v));
  const ymd = (v: number) => `${String(Math.floor(v / 10000)).padStart(4, '0')}-${String(Math.floor(v / 100) % 100).padStart(2, '0')}-${String(v % 100).padStart(2, '0')}`;
  return {
    person_id: r.personId,
    iin: s(r.iin),
    last_name: s(r.lastName),
    first_name: s(r.firstName),
    middle_name: s(r.middleName),
    sex: s(r.sex),
    birth_date: r.birthYmd === null ? '' : ymd(r.birthYmd),
    custody: s(r.custody),
    facility: s(r.facility),
    region: s(r.region),
    articles: r.articles === null ? '' : r.articles.map((a) => entryAt(law.parts, a, 'the Criminal Code table').id).join(';'),
    offence_date: d(r.offenceDay),
    sentence_type: s(r.sentenceType),
    sentence_start: d(r.sentenceStartDay),
    sentence_end: d(r.sentenceEndDay),
    imposed_term_months: n(r.imposedTermMonths),
    prior_convictions: n(r.priorConvictions),
    recidivism: s(r.recidivism),
    behaviour: s(r.behaviour),
    malicious_violator: b(r.maliciousViolator),
    pregnant: b(r.pregnant),
    children_birth_dates: r.childrenBirthYmd === null ? '' : r.childrenBirthYmd.length === 0 ? NO_CHILDREN : r.childrenBirthYmd.map(ymd).join(';'),
    disabled_child: b(r.disabledChild),
    parental_rights_deprived: b(r.parentalRightsDeprived),
    disability_group: n(r.disabilityGroup),
    veteran: b(r.veteran),
    pensioner: b(r.pensioner),
    single_parent: b(r.singleParent),
    civil_claim_amount: n(r.civilClaimAmount),
    civil_claim_paid: n(r.civilClaimPaid),
    damage_caused: b(r.damageCaused),
    damage_compensated: b(r.damageCompensated),
    imposed_term_days: n(r.imposedTermDays),
    prior_imprisonment: b(r.priorImprisonment),
    juvenile_colony: b(r.juvenileColony),
    disabled_child_group: s(r.disabledChildGroup),
    veteran_kind: s(r.veteranKind),
    victim_aged_14_18: b(r.victimAged14To18),
  };
}

export { CONTRACT_COLUMNS };
