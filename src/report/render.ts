/**
 * Render a ReportView to HTML or Markdown with templates shipped in templates/ only: an isolated
 * Handlebars environment (no global registration, no prototype access options), HTML compiled in
 * strict mode with escaping on, Markdown with noEscape and escaping helpers. The shipped CLI
 * carries the templates precompiled by its build (compiled-templates.ts); from the sources they
 * are compiled at first use, with the same options.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from '../package-root.js';
import { compiledTemplates } from './compiled-templates.js';
import { markdownHelpers } from './helpers.js';
import type { ReportView } from './view-model.js';

type Format = 'html' | 'md';
type HtmlContext = ReportView & { cssHash?: string };
const PARTIALS = ['finding', 'board', 'plan', 'topology', 'cloudpods'] as const;
const cache = new Map<Format, Handlebars.TemplateDelegate<HtmlContext>>();

export type CompileOptions = { readonly strict: true } | { readonly noEscape: true };

/**
 * How the template at `name` (a path under templates/) is compiled: HTML strictly, with escaping
 * on; Markdown with escaping off (its helpers escape). A partial compiles as its report does.
 * The build precompiles every template with these (scripts/bundle.mjs).
 */
export function compileOptions(name: string): CompileOptions {
  return name.endsWith('.md.hbs') ? { noEscape: true } : { strict: true };
}

function templateText(name: string): string {
  return readFileSync(join(packageRoot(), 'templates', name), 'utf8');
}

/**
 * The template at `name` (a path under templates/) in the environment `hbs`: the build's
 * precompiled one when it was compiled with the options asked for now, else the file compiled now.
 */
export function loadTemplate<T>(hbs: typeof Handlebars, name: string): Handlebars.TemplateDelegate<T> {
  const options = compileOptions(name);
  const compiled = compiledTemplates?.[name];
  if (compiled && compiled.options === JSON.stringify(options)) return hbs.template<T>(compiled.spec as TemplateSpecification);
  return hbs.compile<T>(templateText(name), options);
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

function compile(format: Format): Handlebars.TemplateDelegate<HtmlContext> {
  const cached = cache.get(format);
  if (cached) return cached;
  const hbs = Handlebars.create();
  if (format === 'md') for (const [name, fn] of Object.entries(markdownHelpers)) hbs.registerHelper(name, fn);
  for (const p of PARTIALS) hbs.registerPartial(p, loadTemplate(hbs, `partials/${p}.${format}.hbs`));
  const template = loadTemplate<HtmlContext>(hbs, `report.${format}.hbs`);
  cache.set(format, template);
  return template;
}

/**
 * The stylesheet is ptdoctor's own file, inserted after rendering (never through an unescaped
 * template expression; the marker holds `<`, which escaped bundle text can never contain) and allowed by its hash in the Content-Security-Policy, so no other style
 * or script can run in the report.
 */
export function renderHtml(view: ReportView): string {
  const { cssHash, insertCss } = reportStylesheet();
  return insertCss(compile('html')({ ...view, cssHash }));
}

let stylesheet: { cssHash: string; insertCss: (html: string) => string } | null = null;

/** The report stylesheet, read and hashed once: its CSP source and the insertion at the marker (host and fleet pages). */
export function reportStylesheet(): { cssHash: string; insertCss: (html: string) => string } {
  if (stylesheet === null) {
    const css = templateText('report.css');
    stylesheet = {
      cssHash: `sha256-${createHash('sha256').update(css).digest('base64')}`,
      insertCss: (html) => html.replace('<ptdoctor-css>', () => css),
    };
  }
  return stylesheet;
}

export function renderMarkdown(view: ReportView): string {
  return `${compile('md')(view)
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
