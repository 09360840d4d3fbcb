/**
 * The templates of templates/ as Handlebars compiled them when the CLI was built. Compiling them
 * at every run cost more than the rest of an HTML and Markdown report (npm run bench), so
 * scripts/bundle.mjs replaces this module in the shipped CLI with one that holds each template
 * precompiled (Handlebars.precompile), keyed by its path under templates/, with the compile
 * options it was compiled with. Run from the sources (tests, dist/src) there are none, and the
 * renderers compile the template files at first use (render.ts loadTemplate).
 */

/** A precompiled template: the specification Handlebars.precompile returns, evaluated. */
export interface CompiledTemplate {
  readonly spec: unknown;
  /** The options it was compiled with (JSON): used only when they are the ones asked for. */
  readonly options: string;
}

export const compiledTemplates: Readonly<Record<string, CompiledTemplate>> | null = null;
