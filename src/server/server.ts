/**
 * The HTTP API (docs/api.md): Fastify with zod schemas on every route, OpenAPI at
 * /api/openapi.json and a browsable page at /api/docs, security headers, sessions and roles
 * (./auth.ts), and one error shape. Routes call the use cases of src/app and nothing else.
 */
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.ts';
import { AppError } from '../app/errors.ts';
import type { Disclosure } from '../app/disclosure.ts';
import { API_MESSAGES } from '../i18n/api.ts';
import { registerAuth } from './auth.ts';
import { langOf, sendError, toAppError } from './http.ts';
import { actRoutes } from './routes/acts.ts';
import { auditRoutes } from './routes/audit.ts';
import { documentRoutes } from './routes/documents.ts';
import { evaluationRoutes } from './routes/evaluations.ts';
import { healthRoutes } from './routes/health.ts';
import { metaRoutes } from './routes/meta.ts';
import { personRoutes } from './routes/persons.ts';
import { registryRoutes } from './routes/registries.ts';
import { sessionRoutes } from './routes/session.ts';
import { userRoutes } from './routes/users.ts';

export interface ServerOptions {
  /** Set the Secure flag on the session cookie (behind TLS). */
  secureCookies: boolean;
  /** Largest JSON body, bytes. */
  bodyLimit: number;
  /** Largest registry upload, bytes. */
  uploadLimit: number;
  /** Sign-in attempts allowed per address per minute. */
  signInPerMinute: number;
  /** The built web app to serve at /, or null when there is none. */
  webRoot: string | null;
  disclosure: Disclosure;
  /** Log requests (pino) — off in tests and benchmarks. */
  logger: boolean;
  trustProxy: boolean;
}

export type Api = FastifyInstance;

/** Answers longer than this many characters are encoded to UTF-8 once, before they are sent. */
const UTF8_ONCE_FROM = 16_384;

/** The security headers of every answer: a content security policy for the web app, HSTS behind HTTPS. */
function securityHeaders(options: ServerOptions) {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // ECharts and CodeMirror set style attributes on elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
      },
    },
    strictTransportSecurity: options.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
}

/** The OpenAPI document's head (the paths come from the routes' schemas). */
const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Amnestia API',
    description: 'Registries, acts, evaluations, what-if, persons, the letter, users and the audit log. Messages in kk, ru, en (`?lang=` or Accept-Language). See docs/api.md.',
    version: '1.0.0',
  },
  components: {
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: 'amnestia_session' },
      csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    },
  },
} as const;

export async function buildServer(ctx: AppContext, options: ServerOptions): Promise<Api> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: options.bodyLimit,
    trustProxy: options.trustProxy,
    // Unknown query parameters and fields are refused by the schemas (strict objects), not ignored.
    ajv: { customOptions: { removeAdditional: false } },
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Answers are checked against their schema before they leave — except the person lists, which
  // are built from typed columns by one function (src/app/persons.ts), run to thousands of rows and
  // are written as bytes by their route (json-bytes.ts): their schema documents them.
  app.setSerializerCompiler((route) => serializerCompiler(route as Parameters<typeof serializerCompiler>[0]));

  // A long answer leaves as the UTF-8 bytes it is encoded to once. Given a string, Fastify measures
  // its UTF-8 length for Content-Length and the socket then encodes it again: two passes over a
  // person list of thousands of rows in Cyrillic, each slower than building the JSON (docs/benchmarks.md).
  app.addHook('onSend', (_request, _reply, payload, done) => {
    done(null, typeof payload === 'string' && payload.length > UTF8_ONCE_FROM ? Buffer.from(payload, 'utf8') : payload);
  });

  await app.register(helmet, securityHeaders(options));
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, { openapi: OPENAPI, transform: jsonSchemaTransform });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });

  registerAuth(app, ctx);

  app.setErrorHandler((err, request, reply) => {
    const e = toAppError(err, request);
    if (e.code === 'rate_limited') reply.header('retry-after', '60');
    return sendError(reply, e, langOf(request));
  });
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith('/api/') && options.webRoot && request.method === 'GET') return reply.sendFile('index.html');
    return sendError(reply, new AppError('not_found', API_MESSAGES.route_not_found, { method: request.method, url: request.url.replace(/\?.*$/s, '') }), langOf(request));
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes(ctx));
  await app.register(metaRoutes(ctx));
  await app.register(sessionRoutes(ctx, options));
  await app.register(registryRoutes(ctx, options));
  await app.register(actRoutes(ctx));
  await app.register(evaluationRoutes(ctx, options));
  await app.register(personRoutes(ctx));
  await app.register(userRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(documentRoutes(ctx));

  if (options.webRoot && existsSync(options.webRoot)) await app.register(fastifyStatic, { root: options.webRoot, prefix: '/', wildcard: false });
  return app;
}
