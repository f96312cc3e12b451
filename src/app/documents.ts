/**
 * Documents from the store (docs/documents.md): the reply letter and its annex on a stored registry
 * and acts; a court submission for one person, a facility's submissions and its list — person-level
 * data, so within the user's scope and audited. Built by src/documents/ from values; batches run as
 * jobs with progress, their file kept in memory for the user who asked, for a while.
 */
import { randomUUID } from 'node:crypto';
import {
  buildAnnexData,
  buildFacilityList,
  buildLetterData,
  buildSubmission,
  dejavuSerif,
  letterTemplate,
  renderAnnexXlsx,
  renderFacilityListXlsx,
  renderLetterDocx,
  renderLetterPdf,
  renderSubmissionBatch,
  renderSubmissionDocx,
  renderSubmissionPdf,
  submissionTemplate,
  type Courts,
  type DocLang,
  type SourceIdentity,
} from '../documents/index.ts';
import { DOCUMENT_PATHS, readTemplate } from '../documents/load.ts';
import { API_MESSAGES } from '../i18n/api.ts';
import type { Text } from '../i18n/text.ts';
import type { Plan } from '../engine/act/plan.ts';
import type { Registry } from '../registry/registry.ts';
import { appendAudit } from '../store/audit.ts';
import type { RegistryRef } from '../store/registries.ts';
import { readActPlan } from './acts.ts';
import type { Actor, AppContext } from './context.ts';
import { firstLine, present } from '../domain/lookup.ts';
import { AppError } from './errors.ts';
import { dayOf, isSynthetic, planOn, registryFor } from './evaluations.ts';
import { refused } from './persons.ts';
import { inScope, personScope } from './roles.ts';
import { DOCUMENT_REQUEST_TEXTS as T } from '../i18n/documents/requests.ts';

export interface DocumentFile {
  bytes: Buffer;
  fileName: string;
  contentType: string;
}

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
} as const;

function identityOf(ctx: AppContext, info: RegistryRef): SourceIdentity {
  return { registry: { source: `${info.name} (${info.id.slice(0, 12)})`, persons: info.persons, hash: info.id }, lawHash: ctx.env.lawFingerprint.hash };
}

function synthetic(ctx: AppContext, info: RegistryRef) {
  return { registry: isSynthetic(info), facilities: ctx.env.facilities.synthetic };
}

function courts(ctx: AppContext): Courts {
  return ctx.env.courts;
}

type ActRef = { act: string; version?: number | undefined };

/** The act's plan on the day asked for (by default its entry into force). */
async function planFor(ctx: AppContext, a: ActRef, asOf: string | undefined): Promise<Plan> {
  const { plan } = await readActPlan(ctx, a.act, a.version);
  return planOn(plan, dayOf(plan, asOf));
}

async function plansFor(ctx: AppContext, acts: readonly ActRef[], asOf: string | undefined): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const a of acts) plans.push(await planFor(ctx, a, asOf));
  return plans;
}

export interface LetterDocumentRequest {
  act: { act: string; version?: number | undefined };
  registry?: string | undefined;
  asOf?: string | undefined;
  lang: DocLang;
  format: 'docx' | 'pdf';
  /** The inquiry answered; by default the letter definition's. */
  inquiryNumber?: string | undefined;
  inquiryDate?: string | undefined;
  addressee?: string | undefined;
}

export async function letterDocument(ctx: AppContext, actor: Actor, req: LetterDocumentRequest): Promise<DocumentFile> {
  const file = readTemplate(DOCUMENT_PATHS.templates, 'letter', req.lang);
  const template = letterTemplate(file.bytes, file.name);
  const { info, registry } = await registryFor(ctx, req.registry);
  const plan = await planFor(ctx, req.act, req.asOf);
  const addressee = req.addressee === undefined ? undefined : { kk: req.addressee, ru: req.addressee, en: req.addressee };
  const data = buildLetterData({
    law: ctx.env.law,
    registry,
    letterDefinition: ctx.env.letter,
    signature: ctx.env.letterSignature,
    plans: [plan],
    facilities: ctx.env.facilities,
    impactConfig: ctx.env.impactConfig,
    identity: identityOf(ctx, info),
    synthetic: synthetic(ctx, info),
    options: {
      ...(req.inquiryNumber !== undefined ? { inquiryNumber: req.inquiryNumber } : {}),
      ...(req.inquiryDate !== undefined ? { inquiryDate: req.inquiryDate } : {}),
      ...(addressee ? { addressee } : {}),
    },
  });
  const bytes = req.format === 'pdf' ? await renderLetterPdf(data, req.lang, template, dejavuSerif()) : renderLetterDocx(data, req.lang, template);
  await appendAudit(ctx.db, { userId: actor.userId, username: actor.username, role: actor.role, action: 'document.letter', target: { act_id: req.act.act, registry_id: info.id, lang: req.lang, format: req.format }, result: 'ok', ip: actor.ip });
  return { bytes, fileName: `letter-${plan.id}.${req.lang}.${req.format}`, contentType: CONTENT_TYPES[req.format] };
}

export async function annexDocument(ctx: AppContext, actor: Actor, req: { acts: { act: string; version?: number | undefined }[]; registry?: string | undefined; asOf?: string | undefined; lang: DocLang }): Promise<DocumentFile> {
  const { info, registry } = await registryFor(ctx, req.registry);
  const plans = await plansFor(ctx, req.acts, req.asOf);
  const letterAct = present(plans[0], 'the annex names no act (its first act is the letter’s)');
  const annex = buildAnnexData({ law: ctx.env.law, registry, letterDefinition: ctx.env.letter, plans, facilities: ctx.env.facilities, impactConfig: ctx.env.impactConfig, identity: identityOf(ctx, info), synthetic: synthetic(ctx, info) });
  const bytes = await renderAnnexXlsx(annex.letter, annex.impact, annex.provenance, req.lang);
  await appendAudit(ctx.db, { userId: actor.userId, username: actor.username, role: actor.role, action: 'document.annex', target: { acts: req.acts.map((a) => a.act), registry_id: info.id, lang: req.lang }, result: 'ok', ip: actor.ip });
  return { bytes, fileName: `annex-${letterAct.id}.${req.lang}.xlsx`, contentType: CONTENT_TYPES.xlsx };
}

interface PersonDocumentSource {
  act: string;
  version?: number | undefined;
  registry?: string | undefined;
  asOf?: string | undefined;
}

async function submissionInput(ctx: AppContext, src: PersonDocumentSource): Promise<{ info: RegistryRef; registry: Registry; input: Parameters<typeof buildSubmission>[0] }> {
  const { info, registry } = await registryFor(ctx, src.registry);
  const plan = await planFor(ctx, { act: src.act, version: src.version }, src.asOf);
  const c = courts(ctx);
  return {
    info,
    registry,
    input: { law: ctx.env.law, registry, plan, facilities: ctx.env.facilities, courts: c, identity: identityOf(ctx, info), synthetic: { ...synthetic(ctx, info), courts: c.synthetic }, asOfDay: plan.entryIntoForce },
  };
}

/** One person's submission to court; refused with the reason when the act does not apply to them. */
export async function submissionDocument(ctx: AppContext, actor: Actor, personId: string, src: PersonDocumentSource & { lang: DocLang; format: 'docx' | 'pdf' }): Promise<DocumentFile & { needsReview: boolean }> {
  const file = readTemplate(DOCUMENT_PATHS.templates, 'submission', src.lang);
  const template = submissionTemplate(file.bytes, file.name);
  const { info, registry, input } = await submissionInput(ctx, src);
  const scope = personScope(actor);
  const i = registry.indexOf(personId);
  const target = { person_id: personId, act_id: src.act, registry_id: info.id, format: src.format };
  if (i < 0 || !inScope(scope, { facility: registry.record(i).facility, region: registry.record(i).region }))
    throw await refused(ctx, actor, 'document.submission', target, i < 0 && scope.kind === 'all' ? new AppError('not_found', API_MESSAGES.person_not_in_registry, { person: personId, registry: info.name }) : new AppError('forbidden', API_MESSAGES.forbidden_scope, { person: personId }));
  const r = buildSubmission(input, i);
  if (!r.ok) {
    await appendAudit(ctx.db, { userId: actor.userId, username: actor.username, role: actor.role, action: 'document.submission', target: { ...target, refused: r.refusal.status }, result: 'refused', ip: actor.ip });
    throw new AppError('not_applicable', { kk: T.refused.kk.replace('{reason}', r.refusal.reason.kk), ru: T.refused.ru.replace('{reason}', r.refusal.reason.ru), en: T.refused.en.replace('{reason}', r.refusal.reason.en) }, { person: personId }, [], { refusal: r.refusal.status });
  }
  const bytes = src.format === 'pdf' ? await renderSubmissionPdf(r.data, src.lang, template, dejavuSerif()) : renderSubmissionDocx(r.data, src.lang, template);
  await appendAudit(ctx.db, { userId: actor.userId, username: actor.username, role: actor.role, action: 'document.submission', target: { ...target, status: r.data.status }, result: 'ok', ip: actor.ip });
  return { bytes, fileName: `submission-${personId}.${src.lang}.${src.format}`, contentType: CONTENT_TYPES[src.format], needsReview: r.data.status === 'needs_review' };
}

/** A facility inside the user's scope (an officer's own, a supervisor's region's), or a refusal. */
async function checkFacility(ctx: AppContext, actor: Actor, facility: string, action: string, target: Record<string, unknown>): Promise<void> {
  const f = ctx.env.facilities.facilities.find((x) => x.code === facility);
  if (!f) throw new AppError('not_found', T.unknownFacility, { facility }, [{ path: '$.facility' }]);
  if (!inScope(personScope(actor), { facility: f.code, region: f.region })) throw await refused(ctx, actor, action, target, new AppError('forbidden', T.facilityOutside, { facility }));
}

export async function facilityListDocument(ctx: AppContext, actor: Actor, facility: string, src: PersonDocumentSource & { lang: DocLang }): Promise<DocumentFile> {
  const target = { facility, act_id: src.act };
  await checkFacility(ctx, actor, facility, 'document.facility_list', target);
  const { info, input } = await submissionInput(ctx, src);
  const list = buildFacilityList(input, facility, src.lang);
  const bytes = await renderFacilityListXlsx(list, src.lang);
  await appendAudit(ctx.db, { userId: actor.userId, username: actor.username, role: actor.role, action: 'document.facility_list', target: { ...target, registry_id: info.id, count: list.persons.length }, result: 'ok', ip: actor.ip });
  return { bytes, fileName: `facility-${facility}-${src.act}.${src.lang}.xlsx`, contentType: CONTENT_TYPES.xlsx };
}

// ---- batches -----------------------------------------------------------------------------------

export interface DocumentJob {
  id: string;
  userId: number | null;
  kind: 'submissions';
  facility: string;
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  produced: number;
  needsReview: number;
  refused: { personId: string; reason: Text }[];
  error: string | null;
  file: DocumentFile | null;
  startedAt: string;
}

/** Jobs by id; a finished job's file is kept for this long. */
const jobs = new Map<string, DocumentJob>();
export const JOB_KEPT_MS = 15 * 60 * 1000;

export function documentJob(id: string, actor: Actor): DocumentJob | null {
  const j = jobs.get(id);
  return j && j.userId === actor.userId ? j : null;
}

/** Starts a facility's submissions (one PDF, or a ZIP of DOCX) as a job; returns at once. */
export async function startSubmissionsJob(ctx: AppContext, actor: Actor, facility: string, src: PersonDocumentSource & { lang: DocLang; format: 'pdf' | 'docx' }): Promise<DocumentJob> {
  const target = { facility, act_id: src.act, format: src.format };
  await checkFacility(ctx, actor, facility, 'document.submissions', target);
  const file = readTemplate(DOCUMENT_PATHS.templates, 'submission', src.lang);
  const template = submissionTemplate(file.bytes, file.name);
  const { info, input } = await submissionInput(ctx, src);
  const job: DocumentJob = { id: randomUUID(), userId: actor.userId, kind: 'submissions', facility, status: 'running', done: 0, total: 0, produced: 0, needsReview: 0, refused: [], error: null, file: null, startedAt: new Date().toISOString() };
  jobs.set(job.id, job);
  const run = async () => {
    try {
      const batch = await renderSubmissionBatch(input, facility, src.lang, template, { pdf: src.format === 'pdf' ? dejavuSerif() : null, docx: src.format === 'docx' }, (done, total) => {
        job.done = done;
        job.total = total;
      });
      const bytes = src.format === 'pdf' ? batch.pdf : batch.zip;
      job.produced = batch.produced.length;
      job.needsReview = batch.produced.filter((p) => p.status === 'needs_review').length;
      job.refused = batch.refused.map((r) => ({ personId: r.personId, reason: r.reason }));
      job.file = bytes ? { bytes, fileName: `submissions-${facility}-${src.act}.${src.lang}.${src.format === 'pdf' ? 'pdf' : 'zip'}`, contentType: src.format === 'pdf' ? CONTENT_TYPES.pdf : CONTENT_TYPES.zip } : null;
      await appendAudit(ctx.db, {
        userId: actor.userId,
        username: actor.username,
        role: actor.role,
        action: 'document.submissions',
        target: { ...target, registry_id: info.id, person_ids: batch.produced.map((p) => p.personId), refused: batch.refused.length },
        result: 'ok',
        ip: actor.ip,
      });
      job.status = 'done';
    } catch (e) {
      job.status = 'failed';
      job.error = e instanceof Error ? firstLine(e.message) : String(e);
    } finally {
      setTimeout(() => jobs.delete(job.id), JOB_KEPT_MS).unref();
    }
  };
  // The batch runs after this answer is sent; its progress is read from the job.
  setImmediate(() => void run());
  return job;
}

