/**
 * The one Handlebars instance emitters render with: isolated (`Handlebars.create()`), strict (a missing
 * field throws instead of rendering empty), no HTML escaping (wrong for every target here). Escaping is
 * explicit, per target language, through the helpers below; templates hold no logic beyond each/if.
 */
import Handlebars from 'handlebars';
import { cssStr, identText, jsonText, mdCode, mdCodeCell, mdText, pyComment, pyDoc, pyRepr, pyReprPretty, pyStr, yamlStr } from './escape.js';

/** Renders templates by key (path relative to `stdlib/templates/`). */
export interface TemplateEngine {
  /**
   * Render template `key` with `view`; throws if the template is missing or a field is absent. A key
   * without the `.hbs` suffix is a plain file (Python with nothing to template, kept as a real `.py`
   * that ruff and mypy check): its text is returned verbatim.
   */
  render(key: string, view: object): string;
  /** Whether a template exists. */
  has(key: string): boolean;
}

type HelperArg = unknown;

/** Handlebars passes an options object as the last argument; a helper called with nothing is a bug. */
function one(name: string, args: HelperArg[]): unknown {
  if (args.length !== 2) throw new Error(`helper ${name} takes exactly one argument`);
  return args[0];
}

function asText(name: string, v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(`helper ${name} needs a string, got ${v === null ? 'null' : typeof v}`);
}

/** Creates an isolated engine over the given templates (compiled lazily, cached per engine). */
export function createTemplateEngine(templates: ReadonlyMap<string, string>): TemplateEngine {
  const hb = Handlebars.create();
  const helpers: Record<string, (...args: HelperArg[]) => string> = {
    py_str: (...a) => pyStr(asText('py_str', one('py_str', a))),
    py_repr: (...a) => pyRepr(one('py_repr', a)),
    py_repr_pretty: (...a) => pyReprPretty(one('py_repr_pretty', a)),
    py_comment: (...a) => pyComment(asText('py_comment', one('py_comment', a))),
    py_doc: (...a) => pyDoc(asText('py_doc', one('py_doc', a))),
    json: (...a) => jsonText(one('json', a)),
    json_pretty: (...a) => jsonText(one('json_pretty', a), 2),
    yaml_str: (...a) => yamlStr(asText('yaml_str', one('yaml_str', a))),
    md: (...a) => mdText(asText('md', one('md', a))),
    md_code: (...a) => mdCode(asText('md_code', one('md_code', a))),
    md_code_cell: (...a) => mdCodeCell(asText('md_code_cell', one('md_code_cell', a))),
    css_str: (...a) => cssStr(asText('css_str', one('css_str', a))),
    ident: (...a) => identText(asText('ident', one('ident', a))),
  };
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  const cache = new Map<string, Handlebars.TemplateDelegate>();
  return {
    has: (key) => templates.has(key),
    render(key, view) {
      if (!key.endsWith('.hbs')) {
        const text = templates.get(key);
        if (text === undefined) throw new Error(`plain file not found: ${key}`);
        return text;
      }
      let tpl = cache.get(key);
      if (!tpl) {
        const text = templates.get(key);
        if (text === undefined) throw new Error(`template not found: ${key}`);
        tpl = hb.compile(text, { strict: true, noEscape: true });
        cache.set(key, tpl);
      }
      try {
        return tpl(view);
      } catch (e) {
        throw new Error(`rendering ${key}: ${(e as Error).message}`);
      }
    },
  };
}
