/**
 * The synthetic national population: a registry drawn from a profile of target figures, like a
 * microsimulation calibrated to official totals.
 *
 * Generation has two stages:
 * 1. the **plan**: small typed arrays (a few bytes per person) fixing every attribute a profile
 *    counts exactly — sex, custody, gravity class, violence, first conviction, age group,
 *    pregnancy, young child, many children, disability group, unpaid claim, social vulnerability —
 *    chosen by exact sampling without replacement, so that the counts hold to the person;
 * 2. the **records**: each person's full record drawn from the plan and the seeded generator, one
 *    at a time, so that every size streams without holding persons as objects.
 *
 * The output depends only on the profile, the law table and the seed.
 *
 * The plan's typed arrays are read by a person's index below their length, and the tables
 * (custodies, gravities, the Code's parts, the facilities) by an index drawn within them: those
 * non-null assertions (`plan.age[i]!`) stay, as they run for every person of millions.
 */
import { CUSTODIES, GRAVITIES, type Custody, type Gravity, type Recidivism, type SentenceType, type Sex } from '../../domain/enums.ts';
import { addMonths, addYearsYmd, dayOfYmd, ymdOfDay } from '../../domain/dates.ts';
import { makeIin } from '../../domain/iin.ts';
import { DataFileError, unlocated } from '../../domain/located.ts';
import { msg } from '../../i18n/message.ts';
import type { ArticlePart, CriminalCode } from '../../law/criminal-code.ts';
import type { Facilities, Facility } from '../facilities.ts';
import type { PersonRecord } from '../record.ts';
import { RegistryBuilder, type Registry } from '../registry.ts';
import { FATHER_NAMES, FEMALE_NAMES, MALE_NAMES, SURNAME_STEMS, patronymic, surname } from './names.ts';
import type { GroupProfile, Profile } from './profile.ts';
import { Random } from './random.ts';

const NONE = -1;
/** Gravity classes of the plan. */
const MISDEMEANOUR = 0;
const MINOR_MEDIUM = 1;
const GRAVE_ESP = 2;
const VULNERABLE = ['disability_1_2', 'veteran', 'disabled_child', 'pensioner', 'single_parent'] as const;

interface Plan {
  size: number;
  sex: Int8Array; // 0 F, 1 M
  custody: Int8Array; // index in CUSTODIES
  gclass: Int8Array;
  violent: Int8Array;
  first: Int8Array;
  old: Int8Array; // 1: aged 60+ (exact); 0: under 60; -1: free
  pregnant: Int8Array;
  youngChild: Int8Array;
  manyChildren: Int8Array;
  disability: Int8Array;
  unpaid: Int8Array;
  vulnerable: Int8Array; // index in VULNERABLE or -1
  /** Age in years, fixed in the plan where a target depends on it. */
  age: Int16Array;
}

function indexesWhere(n: number, pred: (i: number) => boolean): Int32Array {
  let k = 0;
  for (let i = 0; i < n; i++) if (pred(i)) k++;
  const out = new Int32Array(k);
  k = 0;
  for (let i = 0; i < n; i++) if (pred(i)) out[k++] = i;
  return out;
}

function shareCount(rnd: Random, n: number, share: number): number {
  return Math.min(n, Math.round(n * share));
}

/** A triangular-ish age between lo and hi, peaking in the late twenties to forties. */
function drawAge(rnd: Random, lo: number, hi: number): number {
  const u = (rnd.float() + rnd.float() + rnd.float()) / 3;
  const skew = Math.pow(u, 1.15);
  return Math.min(hi, lo + Math.floor(skew * (hi - lo + 1)));
}

function emptyPlan(size: number): Plan {
  return {
    size,
    sex: new Int8Array(size),
    custody: new Int8Array(size),
    gclass: new Int8Array(size),
    violent: new Int8Array(size),
    first: new Int8Array(size),
    old: new Int8Array(size).fill(NONE),
    pregnant: new Int8Array(size),
    youngChild: new Int8Array(size),
    manyChildren: new Int8Array(size),
    disability: new Int8Array(size),
    unpaid: new Int8Array(size),
    vulnerable: new Int8Array(size).fill(NONE),
    age: new Int16Array(size),
  };
}

function planPopulation(profile: Profile, rnd: Random): Plan {
  const groups: [Sex, GroupProfile][] = [
    ['F', profile.women],
    ['M', profile.men],
  ];
  const nF = profile.women.custody.institution + profile.women.custody.probation;
  const nM = profile.men.custody.institution + profile.men.custody.probation;
  const size = nF + nM;
  const plan = emptyPlan(size);
  const all = indexesWhere(size, () => true);
  const women = rnd.choose(all, nF);
  for (const i of women) plan.sex[i] = 0;
  for (const i of all.subarray(nF)) plan.sex[i] = 1;

  for (const [sexCode, g] of groups) {
    const sx = sexCode === 'F' ? 0 : 1;
    const members = indexesWhere(size, (i) => plan.sex[i] === sx);
    planCustodyAndGravity(plan, rnd, sx, g, members);
    planViolenceAndFirstConviction(plan, rnd, sx, g, members);
    // social vulnerability (exact categories) comes before age: pensioners are old
    planVulnerability(plan, rnd, g, members);
    planAges(plan, rnd, sx, g, members);
    planPregnancyAndChildren(plan, rnd, sx, g, members);
    planDisability(plan, rnd, g, members);
    // unpaid civil claims
    const nUnpaid = g.unpaid_claims ?? shareCount(rnd, members.length, g.unpaid_claim_share ?? 0);
    for (const i of rnd.choose(members.slice(), Math.min(nUnpaid, members.length))) plan.unpaid[i] = 1;
  }
  return plan;
}

/** Custody, then the gravity classes within each custody, to the group's exact counts. */
function planCustodyAndGravity(plan: Plan, rnd: Random, sx: number, g: GroupProfile, members: Int32Array): void {
  const inst = rnd.choose(members, g.custody.institution);
  for (const i of members) plan.custody[i] = 1;
  for (const i of inst) plan.custody[i] = 0;
  for (const [c, custody] of CUSTODIES.entries()) {
    const inC = indexesWhere(plan.size, (i) => plan.sex[i] === sx && plan.custody[i] === c);
    const cls = g.gravity[custody];
    const mis = rnd.choose(inC, cls.misdemeanour);
    for (const i of inC) plan.gclass[i] = GRAVE_ESP;
    for (const i of mis) plan.gclass[i] = MISDEMEANOUR;
    const rest = inC.subarray(cls.misdemeanour);
    for (const i of rnd.choose(rest, cls.minor_medium)) plan.gclass[i] = MINOR_MEDIUM;
  }
}

/** Violence and first conviction: exact counts where the profile gives them, shares by custody otherwise. */
function planViolenceAndFirstConviction(plan: Plan, rnd: Random, sx: number, g: GroupProfile, members: Int32Array): void {
  const size = plan.size;
  if (g.non_violent) {
    const mm = indexesWhere(size, (i) => plan.sex[i] === sx && plan.gclass[i] === MINOR_MEDIUM);
    const other = indexesWhere(size, (i) => plan.sex[i] === sx && plan.gclass[i] !== MINOR_MEDIUM);
    for (const i of members) plan.violent[i] = 1;
    const nvMm = rnd.choose(mm, g.non_violent.of_them_minor_medium);
    const nvOther = rnd.choose(other, Math.min(other.length, g.non_violent.count - g.non_violent.of_them_minor_medium));
    for (const i of nvMm) plan.violent[i] = 0;
    for (const i of nvOther) plan.violent[i] = 0;
    const nv = indexesWhere(size, (i) => plan.sex[i] === sx && plan.violent[i] === 0);
    for (const i of rnd.choose(nv, Math.min(nv.length, g.non_violent.of_them_first_conviction))) plan.first[i] = 1;
    const v = indexesWhere(size, (i) => plan.sex[i] === sx && plan.violent[i] === 1);
    for (const i of rnd.choose(v, shareCount(rnd, v.length, g.first_conviction_share_of_violent ?? 0.7))) plan.first[i] = 1;
    return;
  }
  for (const [c, custody] of CUSTODIES.entries()) {
    const inC = indexesWhere(size, (i) => plan.sex[i] === sx && plan.custody[i] === c);
    for (const i of rnd.choose(inC, shareCount(rnd, inC.length, g.violent_share?.[custody] ?? 0.5))) plan.violent[i] = 1;
    const inC2 = indexesWhere(size, (i) => plan.sex[i] === sx && plan.custody[i] === c);
    const priorShare = g.prior_conviction_share?.[custody] ?? 0.3;
    for (const i of inC2) plan.first[i] = 1;
    for (const i of rnd.choose(inC2, shareCount(rnd, inC2.length, priorShare))) plan.first[i] = 0;
  }
}

/** The socially vulnerable categories, each to its exact count, over distinct persons. */
function planVulnerability(plan: Plan, rnd: Random, g: GroupProfile, members: Int32Array): void {
  if (!g.socially_vulnerable) return;
  const pool = rnd.choose(members.slice(), members.length);
  let k = 0;
  for (const [v, cat] of VULNERABLE.entries()) {
    const n = g.socially_vulnerable[cat];
    for (let j = 0; j < n && k < pool.length; j++) plan.vulnerable[pool[k++]!] = v;
  }
}

/** Ages: those aged 60 and over to the exact count by custody, pensioners older, the rest peaked. */
function planAges(plan: Plan, rnd: Random, sx: number, g: GroupProfile, members: Int32Array): void {
  if (g.aged_60_plus) {
    for (const [c, custody] of CUSTODIES.entries()) {
      const inC = indexesWhere(plan.size, (i) => plan.sex[i] === sx && plan.custody[i] === c);
      for (const i of inC) plan.old[i] = 0;
      for (const i of rnd.choose(inC, g.aged_60_plus[custody])) plan.old[i] = 1;
    }
  }
  for (const i of members) {
    const pensioner = plan.vulnerable[i] === VULNERABLE.indexOf('pensioner');
    if (plan.old[i] === 1) plan.age[i] = 60 + Math.floor(Math.pow(rnd.float(), 1.8) * 19);
    else if (pensioner) plan.age[i] = 63 + Math.floor(Math.pow(rnd.float(), 1.6) * 18);
    else if (plan.old[i] === 0) plan.age[i] = drawAge(rnd, 18, 59);
    else plan.age[i] = drawAge(rnd, 18, g.socially_vulnerable ? 62 : 75);
  }
}

/** Pregnancy, a child under 3 and many children (exact targets), among persons of a fitting age. */
function planPregnancyAndChildren(plan: Plan, rnd: Random, sx: number, g: GroupProfile, members: Int32Array): void {
  const aged = (lo: number, hi: number) => indexesWhere(plan.size, (i) => plan.sex[i] === sx && plan.age[i]! >= lo && plan.age[i]! <= hi);
  if (g.pregnant) {
    const cand = aged(18, 42);
    for (const i of rnd.choose(cand, Math.min(cand.length, g.pregnant))) plan.pregnant[i] = 1;
  }
  if (g.children_under_3 !== undefined) {
    const cand = aged(19, 45);
    for (const i of rnd.choose(cand, Math.min(cand.length, g.children_under_3))) plan.youngChild[i] = 1;
  } else {
    for (const i of members) plan.youngChild[i] = NONE;
  }
  if (g.many_children !== undefined) {
    const cand = aged(27, 52);
    for (const i of rnd.choose(cand, Math.min(cand.length, g.many_children))) plan.manyChildren[i] = 1;
  } else {
    for (const i of members) plan.manyChildren[i] = NONE;
  }
}

/** Disability groups: exact counts where the profile gives them, else the disabled of the vulnerable and a few more. */
function planDisability(plan: Plan, rnd: Random, g: GroupProfile, members: Int32Array): void {
  if (g.disability_groups) {
    const pool = rnd.choose(members.slice(), members.length);
    let k = 0;
    for (const grp of [1, 2, 3] as const) for (let j = 0; j < g.disability_groups[String(grp) as '1' | '2' | '3'] && k < pool.length; j++) plan.disability[pool[k++]!] = grp;
    return;
  }
  for (const i of members) {
    if (plan.vulnerable[i] === 0) plan.disability[i] = rnd.chance(0.2) ? 1 : 2;
    else plan.disability[i] = rnd.chance(0.012) ? 3 : 0;
  }
}

interface OffencePicker {
  pick(rnd: Random, gravityIdx: number, violent: boolean): ArticlePart;
  second(rnd: Random, maxGravity: number, violent: boolean): ArticlePart | null;
}

const CODE_2014_IN_FORCE = dayOfYmd(20150101);

/** The same offence under the 1997 Code, where the table has it with the same gravity (and tags). */
const OLD_ARTICLES: Record<string, string> = {
  '99-1': '1997:96-1',
  '99-2': '1997:96-2',
  '99-3': '1997:96-2',
  '192-1': '1997:179-1',
  '192-2': '1997:179-2',
  '192-3': '1997:179-2',
  '192-4': '1997:179-3',
};

function under1997(law: CriminalCode, index: number): number {
  const p = law.parts[index]!;
  const oldId = OLD_ARTICLES[p.id];
  const old = oldId ? law.part(oldId) : undefined;
  return old && old.gravity === p.gravity && old.tagMask === p.tagMask ? old.index : index;
}

/** Draws offences by the profile's weights (`file` and `sex` name where a weight lies, for an offence the Code table lacks). */
function offencePicker(law: CriminalCode, weights: Record<string, number>, file: string, sex: 'women' | 'men'): OffencePicker {
  const isViolent = (p: ArticlePart) => p.violent === 'yes' || p.violent === 'threat';
  const cells = new Map<string, { parts: ArticlePart[]; weights: number[] }>();
  // the Code in force, its wordings in force; a point only where the profile names it
  for (const p of law.parts) {
    if (!p.current || p.edition !== null || (p.point !== null && weights[p.id] === undefined)) continue;
    const key = `${GRAVITIES.indexOf(p.gravity)}:${isViolent(p) ? 1 : 0}`;
    const cell = cells.get(key) ?? { parts: [], weights: [] };
    cell.parts.push(p);
    cell.weights.push(weights[p.id] ?? 0);
    cells.set(key, cell);
  }
  for (const id of Object.keys(weights)) {
    if (law.part(id)) continue;
    const r = law.resolve(id);
    throw new DataFileError([unlocated(file, [sex, 'offences', id], msg('profile.unknown_offence', { id, detail: 'error' in r ? r.error : msg('profile.name_the_part') }))]);
  }
  const from = (rnd: Random, key: string): ArticlePart | null => {
    const cell = cells.get(key);
    if (!cell) return null;
    const total = cell.weights.reduce((a, b) => a + b, 0);
    if (total > 0) return cell.parts[rnd.weighted(cell.weights, total)]!;
    // No listed offence fits: draw among untagged parts first, so that exclusions stay rare.
    const plain = cell.parts.filter((p) => p.tags.length === 0 && p.maybeTags.length === 0);
    return rnd.pick(plain.length > 0 ? plain : cell.parts);
  };
  return {
    pick(rnd, gravityIdx, violent) {
      const p = from(rnd, `${gravityIdx}:${violent ? 1 : 0}`);
      if (!p) throw new Error(`the Criminal Code table has no ${violent ? 'violent' : 'non-violent'} ${GRAVITIES[gravityIdx]} offence`);
      return p;
    },
    second(rnd, maxGravity, violent) {
      const g = rnd.int(Math.max(1, maxGravity - 2), maxGravity);
      return from(rnd, `${g}:${violent && rnd.chance(0.5) ? 1 : 0}`);
    },
  };
}

/** Months of the term imposed, by gravity and custody (assumption of plausible ranges). */
const TERM_MONTHS: Record<Gravity, { institution: [number, number]; probation: [number, number] }> = {
  misdemeanour: { institution: [1, 2], probation: [2, 12] },
  minor: { institution: [6, 24], probation: [6, 24] },
  medium: { institution: [12, 60], probation: [12, 60] },
  grave: { institution: [36, 144], probation: [24, 84] },
  especially_grave: { institution: [96, 240], probation: [36, 96] },
};

function sentenceTypeFor(rnd: Random, custody: Custody, gravity: Gravity): SentenceType {
  if (custody === 'institution') return 'imprisonment';
  if (gravity === 'misdemeanour') return rnd.pick(['community_work', 'correctional_work', 'fine'] as const);
  if (gravity === 'minor') return rnd.pick(['restriction_of_liberty', 'restriction_of_liberty', 'correctional_work', 'conditional_imprisonment'] as const);
  return rnd.chance(0.55) ? 'restriction_of_liberty' : 'conditional_imprisonment';
}

function birthDayForAge(rnd: Random, asOfYmd: number, age: number): number {
  const hi = dayOfYmd(addYearsYmd(asOfYmd, -age));
  const lo = dayOfYmd(addYearsYmd(asOfYmd, -(age + 1))) + 1;
  return rnd.int(lo, hi);
}

export interface GenerateOptions {
  seed: number;
}

/** What drawing each person's record reads: the plan, the profile, the law and the places. */
interface Population {
  rnd: Random;
  plan: Plan;
  profile: Profile;
  law: CriminalCode;
  asOf: number;
  asOfYmd: number;
  pickers: Record<Sex, OffencePicker>;
  places: Places;
  serials: Map<number, number>;
  missing: [string, number | undefined][];
  width: number;
}

interface Places {
  institutions: Record<Sex, Extract<Facility, { type: 'institution' }>[]>;
  weights: Record<Sex, number[]>;
  /** The probation service of each region. */
  probation: Map<string, string>;
  regionCodes: string[];
}

function placesOf(facilities: Facilities): Places {
  const institutions = {
    F: facilities.facilities.filter((f): f is Extract<Facility, { type: 'institution' }> => f.type === 'institution' && f.sex === 'F'),
    M: facilities.facilities.filter((f): f is Extract<Facility, { type: 'institution' }> => f.type === 'institution' && f.sex === 'M'),
  };
  const weights = { F: institutions.F.map((f) => f.capacity), M: institutions.M.map((f) => f.capacity) };
  if (institutions.F.length === 0 || institutions.M.length === 0) throw new DataFileError([unlocated('facilities', ['facilities'], msg('facilities.institutions_both'))]);
  const probation = new Map(facilities.facilities.filter((f) => f.type === 'probation').map((f) => [f.region, f.code]));
  return { institutions, weights, probation, regionCodes: facilities.regions.map((r) => r.code) };
}

/**
 * The persons of a profile, one record at a time (deterministic for a seed).
 * The plan is fixed first; records are drawn in person order.
 */
export function* generatePersons(profile: Profile, law: CriminalCode, facilities: Facilities, options: GenerateOptions): Generator<PersonRecord> {
  const rnd = new Random(options.seed);
  const plan = planPopulation(profile, rnd);
  const pop: Population = {
    rnd,
    plan,
    profile,
    law,
    asOf: profile.as_of,
    asOfYmd: ymdOfDay(profile.as_of),
    pickers: { F: offencePicker(law, profile.women.offences, profile.file, 'women'), M: offencePicker(law, profile.men.offences, profile.file, 'men') },
    places: placesOf(facilities),
    serials: new Map<number, number>(),
    missing: Object.entries(profile.missing),
    width: String(plan.size).length,
  };
  for (let i = 0; i < plan.size; i++) yield drawRecord(pop, i);
}

/** One person's record, drawn from the plan; the draws keep their order, so that a seed gives the same registry. */
function drawRecord(pop: Population, i: number): PersonRecord {
  const { rnd, plan, asOf, asOfYmd } = pop;
  const sex: Sex = plan.sex[i] === 0 ? 'F' : 'M';
  const group = sex === 'F' ? pop.profile.women : pop.profile.men;
  const female = sex === 'F';
  const custody = CUSTODIES[plan.custody[i]!]!;
  const age = plan.age[i]!;
  const birthDay = birthDayForAge(rnd, asOfYmd, age);
  const birthYmd = ymdOfDay(birthDay);

  const { gravity, articles } = drawOffences(rnd, group, pop.pickers[sex], plan.gclass[i]!, plan.violent[i] === 1);
  const sentence = drawSentence(rnd, asOf, group, custody, gravity, female, birthYmd);
  // Convictions under the 1997 Code (Criminal Code of 16 July 1997): an offence before 2015 under an
  // article the table has in both Codes with the same gravity is recorded under the old Code, as the
  // sentence was passed; other old convictions keep the 2014 article (re-qualified, Art. 6).
  if (sentence.offence < CODE_2014_IN_FORCE) for (let k = 0; k < articles.length; k++) articles[k] = under1997(pop.law, articles[k]!);
  // each conviction with the wording in force on the offence date, as a registry file is read (row.ts)
  for (let k = 0; k < articles.length; k++) articles[k] = pop.law.wordingAt(articles[k]!, sentence.offence);
  const history = drawHistory(rnd, pop.profile, plan.first[i] === 1, custody, gravity, sentence.offence, birthYmd);

  const children = drawChildren(rnd, asOf, asOfYmd, birthYmd, plan.youngChild[i]!, plan.manyChildren[i]!);
  const social = drawSocialStatus(rnd, asOf, asOfYmd, birthYmd, group, plan.vulnerable[i]!, female, age, children);
  const claim = drawClaim(rnd, plan.unpaid[i] === 1);

  // place
  const { institutions, weights, probation, regionCodes } = pop.places;
  const facility = custody === 'institution' ? institutions[sex][rnd.weighted(weights[sex])]! : null;
  const region = facility ? facility.region : rnd.pick(regionCodes);
  const facilityCode = facility ? facility.code : (probation.get(region) ?? null);

  // identity
  const serialBase = pop.serials.get(birthYmd) ?? 0;
  const { iin, serial } = makeIin(birthYmd, sex, serialBase);
  pop.serials.set(birthYmd, serial + 1);
  const father = rnd.pick(FATHER_NAMES);

  const { life, months } = sentence;
  const record: PersonRecord = {
    personId: `KZ${String(i + 1).padStart(pop.width, '0')}`,
    iin,
    lastName: surname(rnd.pick(SURNAME_STEMS), female),
    firstName: rnd.pick(female ? FEMALE_NAMES : MALE_NAMES),
    middleName: patronymic(father, female),
    sex,
    birthYmd,
    custody,
    facility: facilityCode,
    region,
    articles,
    offenceDay: sentence.offence,
    sentenceType: sentence.sentenceType,
    sentenceStartDay: sentence.start,
    sentenceEndDay: sentence.end,
    imposedTermMonths: life ? null : months,
    imposedTermDays: life ? null : 0,
    priorConvictions: history.prior,
    recidivism: history.recidivism,
    behaviour: history.behaviour,
    maliciousViolator: history.malicious,
    pregnant: female ? plan.pregnant[i] === 1 : false,
    childrenBirthYmd: children.map(ymdOfDay),
    disabledChild: social.disabledChild,
    parentalRightsDeprived: children.length > 0 && !social.disabledChild && !social.singleParent && rnd.chance(0.02),
    disabilityGroup: plan.disability[i] as 0 | 1 | 2 | 3,
    veteran: social.veteran,
    pensioner: social.pensioner,
    singleParent: social.singleParent,
    civilClaimAmount: claim.claim,
    civilClaimPaid: claim.paid,
    damageCaused: claim.damageCaused,
    damageCompensated: claim.damageCompensated,
    priorImprisonment: history.first ? false : history.priorGraveImprisonment ? true : null,
    juvenileColony: history.first ? false : null,
    disabledChildGroup: social.disabledChild ? null : 'none',
    veteranKind: social.veteran ? null : 'none',
    victimAged14To18: null,
  };
  for (const [column, share] of pop.missing) if (share !== undefined && rnd.chance(share)) blank(record, column);
  return record;
}

/** The offences: the main one of the planned gravity class and violence, and sometimes a second. */
function drawOffences(rnd: Random, group: GroupProfile, picker: OffencePicker, cls: number, violent: boolean): { gravity: Gravity; articles: number[] } {
  const gravityIdx =
    cls === MISDEMEANOUR ? 0 : cls === MINOR_MEDIUM ? (rnd.chance(group.minor_share_of_minor_medium) ? 1 : 2) : rnd.chance(group.especially_grave_share_of_grave) ? 4 : 3;
  const main = picker.pick(rnd, gravityIdx, violent);
  const articles = [main.index];
  if (cls !== MISDEMEANOUR && rnd.chance(group.second_offence_share)) {
    const extra = picker.second(rnd, gravityIdx, violent);
    if (extra && extra.index !== main.index && (violent || !(extra.violent === 'yes' || extra.violent === 'threat'))) articles.push(extra.index);
  }
  return { gravity: GRAVITIES[gravityIdx]!, articles };
}

interface DrawnSentence {
  life: boolean;
  months: number;
  start: number;
  end: number | null;
  offence: number;
  sentenceType: SentenceType;
}

/** The sentence, which the person is serving on the as-of day, and the day of the offence. */
function drawSentence(rnd: Random, asOf: number, group: GroupProfile, custody: Custody, gravity: Gravity, female: boolean, birthYmd: number): DrawnSentence {
  // P(life | especially grave, institution) = life share of inmates / share of inmates with especially grave crimes
  const espShare = (group.gravity.institution.grave_especially_grave / Math.max(1, group.custody.institution)) * group.especially_grave_share_of_grave;
  const life = custody === 'institution' && gravity === 'especially_grave' && !female && rnd.chance(Math.min(1, (group.life_share_of_institution ?? 0) / Math.max(espShare, 1e-9)));
  const [lo, hi] = TERM_MONTHS[gravity][custody];
  let months = rnd.int(lo, hi);
  const adult = dayOfYmd(addYearsYmd(birthYmd, 16));
  let start: number;
  let end: number | null;
  if (life) {
    start = asOf - rnd.int(30, Math.max(30, Math.min(20 * 365, asOf - adult - 30)));
    end = null;
  } else {
    const span = addMonths(asOf, months) - asOf;
    const served = rnd.int(0, Math.max(0, Math.min(span - 1, asOf - adult - 30)));
    start = asOf - served;
    end = addMonths(start, months);
    if (end <= asOf) end = asOf + 1;
  }
  let offence = start - rnd.int(20, 540);
  if (offence < adult) offence = Math.min(start, adult + rnd.int(0, Math.max(0, start - adult)));
  // Minors (Criminal Code Art. 81, read in the Code's text): a person under 18 at the offence is not
  // imprisoned for a minor or medium crime, is imprisoned for at most 10 years, never for life, and
  // gets restriction of liberty for at most 2 years (parts 6-7). A draw the Code does not allow a
  // minor is made an adult's: the offence moves after the 18th birthday (and the sentence with it
  // when it began before), or a grave crime's term is cut to 10 years.
  const adult18 = dayOfYmd(addYearsYmd(birthYmd, 18));
  const graveClass = gravity === 'grave' || gravity === 'especially_grave';
  if (offence < adult18) {
    const allowed = !life && (graveClass || (custody === 'probation' && months <= 24));
    if (!allowed) {
      if (start <= adult18) {
        start = adult18 + rnd.int(0, Math.max(0, Math.min(asOf - 1, adult18 + 540) - adult18));
        if (end !== null) {
          end = addMonths(start, months);
          if (end <= asOf) end = asOf + 1;
        }
      }
      offence = adult18 + rnd.int(0, Math.max(0, start - adult18));
    } else if (graveClass && months > 120) {
      months = 120;
      end = addMonths(start, months);
      if (end <= asOf) end = asOf + 1;
    }
  }
  const minorAtOffence = offence < adult18;
  const sentenceType: SentenceType = life
    ? 'life_imprisonment'
    : minorAtOffence && !graveClass
      ? rnd.pick(['restriction_of_liberty', 'restriction_of_liberty', 'correctional_work', 'community_work'] as const)
      : sentenceTypeFor(rnd, custody, gravity);
  return { life, months, start, end, offence, sentenceType };
}

/** Earlier convictions, recidivism and conduct while serving. */
function drawHistory(rnd: Random, profile: Profile, first: boolean, custody: Custody, gravity: Gravity, offence: number, birthYmd: number) {
  const prior = first ? 0 : rnd.int(1, 4);
  // Criminal Code Art. 14 (K1400000226): recidivism is a grave or especially grave crime after
  // imprisonment for a grave one; an especially grave crime after it is dangerous recidivism, a grave
  // one is when imprisoned for grave crimes twice or convicted of an especially grave one before.
  // Convictions for crimes committed under 18 do not count (part 3): nobody under 20 here has one.
  const graveNow = gravity === 'grave' || gravity === 'especially_grave';
  const ageAtOffence = Math.floor((ymdOfDay(offence) - birthYmd) / 10000);
  const priorGraveImprisonment = !first && graveNow && ageAtOffence >= 20 && rnd.chance(profile.recidivism.prior_grave_imprisonment);
  const recidivism: Recidivism = !priorGraveImprisonment ? 'none' : gravity === 'especially_grave' || rnd.chance(profile.recidivism.dangerous_of_grave) ? 'dangerous' : 'simple';
  const malicious = custody === 'institution' && rnd.chance(0.04);
  const behaviour = malicious ? 'negative' : rnd.weighted([45, 42, 13]) === 0 ? 'positive' : rnd.chance(0.76) ? 'neutral' : 'negative';
  return { first, prior, priorGraveImprisonment, recidivism, malicious, behaviour } as const;
}

/** The children's birth days, sorted: a child under 3 and many children where planned, otherwise a few. */
function drawChildren(rnd: Random, asOf: number, asOfYmd: number, birthYmd: number, young: number, many: number): number[] {
  const children: number[] = [];
  const motherFrom = dayOfYmd(addYearsYmd(birthYmd, 17));
  const motherTo = Math.min(dayOfYmd(addYearsYmd(birthYmd, 44)), asOf);
  const under3From = dayOfYmd(addYearsYmd(asOfYmd, -3)) + 1; // born on or after: under 3 on the as-of day
  const minorFrom = dayOfYmd(addYearsYmd(asOfYmd, -18)) + 1;
  const olderTo = young === NONE ? motherTo : Math.min(motherTo, under3From - 1); // children not under 3 unless planned
  if (young === 1) children.push(rnd.int(Math.max(under3From, motherFrom), asOf));
  if (many === 1) {
    const n = rnd.int(4, 7) - children.length;
    const from = Math.max(minorFrom, motherFrom);
    for (let k = 0; k < n; k++) children.push(rnd.int(from, Math.max(from, olderTo)));
  } else if (motherFrom <= olderTo) {
    // at most three minor children (otherwise a family with many children), as many adult ones as drawn
    const n = rnd.weighted([30, 25, 25, 15, 5]);
    let minors = children.filter((c) => c >= minorFrom).length;
    for (let k = 0; k < n; k++) {
      const c = rnd.int(motherFrom, olderTo);
      if (c >= minorFrom) {
        if (many === NONE || minors < 3) minors++;
        else continue;
      }
      children.push(c);
    }
  }
  children.sort((a, b) => a - b);
  return children;
}

/**
 * Disabled child, single parent, pensioner, veteran: the planned category where the profile counts
 * them, else drawn; a parent the plan makes one is given a minor child if none was drawn (`children` grows).
 */
function drawSocialStatus(rnd: Random, asOf: number, asOfYmd: number, birthYmd: number, group: GroupProfile, vulnerable: number, female: boolean, age: number, children: number[]) {
  const motherFrom = dayOfYmd(addYearsYmd(birthYmd, 17));
  const motherTo = Math.min(dayOfYmd(addYearsYmd(birthYmd, 44)), asOf);
  const under3From = dayOfYmd(addYearsYmd(asOfYmd, -3)) + 1;
  const minorFrom = dayOfYmd(addYearsYmd(asOfYmd, -18)) + 1;
  const hasMinor = children.some((c) => c >= minorFrom);
  const socialTargets = group.socially_vulnerable !== undefined && group.socially_vulnerable !== null;
  const disabledChild = socialTargets ? vulnerable === 2 : hasMinor && rnd.chance(0.02);
  const singleParent = socialTargets ? vulnerable === 4 : hasMinor && rnd.chance(0.12);
  const pensioner = socialTargets ? vulnerable === 3 : female ? age >= 61 : age >= 63;
  const veteran = socialTargets ? vulnerable === 1 : false;
  if ((disabledChild || singleParent) && !hasMinor && socialTargets) {
    children.push(rnd.int(Math.max(minorFrom, motherFrom, under3From - 365 * 12), Math.max(Math.max(minorFrom, motherFrom), Math.min(motherTo, asOf))));
    children.sort((a, b) => a - b);
  }
  return { disabledChild, singleParent, pensioner, veteran };
}

/** The civil claim and the damage: an unpaid claim where planned, a paid one for some others. */
function drawClaim(rnd: Random, unpaid: boolean) {
  let claim = 0;
  let paid = 0;
  if (unpaid) {
    claim = Math.round(Math.exp(11 + rnd.float() * 5) / 1000) * 1000 + 50_000;
    paid = Math.round((claim * rnd.float() * 0.8) / 1000) * 1000;
  } else if (rnd.chance(0.25)) {
    claim = Math.round(Math.exp(11 + rnd.float() * 4) / 1000) * 1000 + 20_000;
    paid = claim;
  }
  const damageCaused = claim > 0 || rnd.chance(0.2);
  const damageCompensated = damageCaused ? claim > 0 && paid >= claim : false;
  return { claim, paid, damageCaused, damageCompensated };
}

/** Makes one contract column of a record unknown. */
function blank(r: PersonRecord, column: string): void {
  const fields: Record<string, keyof PersonRecord> = {
    iin: 'iin', last_name: 'lastName', first_name: 'firstName', middle_name: 'middleName', sex: 'sex', birth_date: 'birthYmd',
    custody: 'custody', facility: 'facility', region: 'region', articles: 'articles', offence_date: 'offenceDay', sentence_type: 'sentenceType',
    sentence_start: 'sentenceStartDay', sentence_end: 'sentenceEndDay', imposed_term_months: 'imposedTermMonths', prior_convictions: 'priorConvictions',
    recidivism: 'recidivism', behaviour: 'behaviour', malicious_violator: 'maliciousViolator', pregnant: 'pregnant', children_birth_dates: 'childrenBirthYmd',
    disabled_child: 'disabledChild', parental_rights_deprived: 'parentalRightsDeprived', disability_group: 'disabilityGroup', veteran: 'veteran',
    pensioner: 'pensioner', single_parent: 'singleParent', civil_claim_amount: 'civilClaimAmount', civil_claim_paid: 'civilClaimPaid',
    damage_caused: 'damageCaused', damage_compensated: 'damageCompensated',
  };
  const f = fields[column];
  if (f && f !== 'personId') (r as unknown as Record<string, unknown>)[f] = null;
}

/** The whole population as a columnar registry. */
export function generateRegistry(profile: Profile, law: CriminalCode, facilities: Facilities, options: GenerateOptions): Registry {
  const size = profile.women.custody.institution + profile.women.custody.probation + profile.men.custody.institution + profile.men.custody.probation;
  const b = new RegistryBuilder(law, size);
  for (const r of generatePersons(profile, law, facilities, options)) b.push(r);
  return b.finish();
}
