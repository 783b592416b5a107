// Block Kit's published limits, checked on what the product sends (a message's blocks, a modal, an App Home):
// every problem is returned in words, so a failing test says which block and which rule.

type Json = Record<string, unknown>;
const BLOCK_TYPES = new Set(['header', 'section', 'context', 'divider', 'actions', 'input']);

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function textProblems(where: string, t: unknown, limit: number, kind?: 'plain_text' | 'mrkdwn'): string[] {
  if (!isObj(t)) return [`${where}: missing text object`];
  const out: string[] = [];
  if (t.type !== 'plain_text' && t.type !== 'mrkdwn') out.push(`${where}: text type ${String(t.type)}`);
  if (kind && t.type !== kind) out.push(`${where}: must be ${kind}`);
  const text = str(t.text);
  if (text.trim().length === 0) out.push(`${where}: empty text`);
  if (text.length > limit) out.push(`${where}: text of ${text.length} characters (limit ${limit})`);
  // Person-written text must not reach Slack's mrkdwn unescaped: no mention or link syntax (R-PRV-1).
  if (t.type === 'mrkdwn' && /<[!@#]|<https?:/.test(text)) out.push(`${where}: unescaped mrkdwn control sequence`);
  return out;
}

function optionProblems(where: string, options: unknown): string[] {
  if (!Array.isArray(options) || options.length === 0 || options.length > 100) return [`${where}: ${Array.isArray(options) ? options.length : 'no'} options (1 to 100)`];
  return options.flatMap((o, i) => [
    ...textProblems(`${where}.options[${i}]`, isObj(o) ? o.text : null, 75, 'plain_text'),
    ...(str(isObj(o) ? o.value : '').length > 150 || str(isObj(o) ? o.value : '') === '' ? [`${where}.options[${i}]: value empty or over 150`] : []),
  ]);
}

function elementProblems(where: string, e: unknown): string[] {
  if (!isObj(e)) return [`${where}: not an element`];
  const out: string[] = [];
  const id = str(e.action_id);
  if (id.length === 0 || id.length > 255) out.push(`${where}: action_id of ${id.length} characters`);
  switch (e.type) {
    case 'button': {
      out.push(...textProblems(`${where}.text`, e.text, 75, 'plain_text'));
      const value = str(e.value);
      if (value.length > 2000) out.push(`${where}: value of ${value.length} characters (limit 2000)`);
      try {
        JSON.parse(value);
      } catch {
        out.push(`${where}: value is not JSON`);
      }
      if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger') out.push(`${where}: style ${String(e.style)}`);
      break;
    }
    case 'plain_text_input': {
      const max = typeof e.max_length === 'number' ? e.max_length : 3000;
      if (max < 1 || max > 3000) out.push(`${where}: max_length ${max}`);
      if (str(e.initial_value).length > max) out.push(`${where}: initial value longer than max_length`);
      if (e.placeholder !== undefined) out.push(...textProblems(`${where}.placeholder`, e.placeholder, 150, 'plain_text'));
      break;
    }
    case 'datepicker':
      if (e.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(str(e.initial_date))) out.push(`${where}: initial_date ${String(e.initial_date)}`);
      break;
    case 'static_select':
    case 'multi_static_select':
    case 'checkboxes': {
      out.push(...optionProblems(where, e.options));
      const values = new Set((Array.isArray(e.options) ? e.options : []).map((o) => JSON.stringify(o)));
      const initial = [...(Array.isArray(e.initial_options) ? e.initial_options : []), ...(e.initial_option ? [e.initial_option] : [])];
      for (const o of initial) if (!values.has(JSON.stringify(o))) out.push(`${where}: an initial option that is not among the options`);
      if (e.type === 'checkboxes' && Array.isArray(e.options) && e.options.length > 10) out.push(`${where}: over 10 checkboxes`);
      break;
    }
    default:
      out.push(`${where}: element type ${String(e.type)}`);
  }
  return out;
}

function blockProblems(where: string, b: unknown): string[] {
  if (!isObj(b) || !BLOCK_TYPES.has(str(b.type))) return [`${where}: block type ${isObj(b) ? String(b.type) : '?'}`];
  const out: string[] = [];
  if (b.block_id !== undefined && (str(b.block_id).length === 0 || str(b.block_id).length > 255)) out.push(`${where}: block_id of ${str(b.block_id).length} characters`);
  switch (b.type) {
    case 'header':
      return [...out, ...textProblems(`${where}.text`, b.text, 150, 'plain_text')];
    case 'section': {
      if (b.text === undefined && !Array.isArray(b.fields)) out.push(`${where}: a section needs text or fields`);
      if (b.text !== undefined) out.push(...textProblems(`${where}.text`, b.text, 3000));
      if (Array.isArray(b.fields)) {
        if (b.fields.length === 0 || b.fields.length > 10) out.push(`${where}: ${b.fields.length} fields (1 to 10)`);
        b.fields.forEach((f, i) => out.push(...textProblems(`${where}.fields[${i}]`, f, 2000)));
      }
      return out;
    }
    case 'context': {
      const els = Array.isArray(b.elements) ? b.elements : [];
      if (els.length === 0 || els.length > 10) out.push(`${where}: ${els.length} context elements (1 to 10)`);
      els.forEach((e, i) => out.push(...textProblems(`${where}.elements[${i}]`, e, 3000)));
      return out;
    }
    case 'actions': {
      const els = Array.isArray(b.elements) ? b.elements : [];
      if (els.length === 0 || els.length > 25) out.push(`${where}: ${els.length} elements (1 to 25)`);
      const ids = els.map((e) => str(isObj(e) ? e.action_id : ''));
      if (new Set(ids).size !== ids.length) out.push(`${where}: action ids repeat within the block`);
      els.forEach((e, i) => out.push(...elementProblems(`${where}.elements[${i}]`, e)));
      return out;
    }
    case 'input':
      if (!b.block_id) out.push(`${where}: an input needs a block_id (the field id)`);
      out.push(...textProblems(`${where}.label`, b.label, 2000, 'plain_text'));
      if (b.hint !== undefined) out.push(...textProblems(`${where}.hint`, b.hint, 2000, 'plain_text'));
      return [...out, ...elementProblems(`${where}.element`, b.element)];
    default:
      return out;
  }
}

function listProblems(blocks: unknown, limit: number): string[] {
  if (!Array.isArray(blocks)) return ['blocks is not a list'];
  const out: string[] = [];
  if (blocks.length === 0) out.push('no blocks');
  if (blocks.length > limit) out.push(`${blocks.length} blocks (limit ${limit})`);
  const ids = blocks.flatMap((b) => (isObj(b) && b.block_id !== undefined ? [str(b.block_id)] : []));
  if (new Set(ids).size !== ids.length) out.push('block ids repeat');
  blocks.forEach((b, i) => out.push(...blockProblems(`blocks[${i}]`, b)));
  return out;
}

/** What breaks Block Kit's limits in a message's blocks (50 at most). */
export const messageProblems = (blocks: unknown): string[] => listProblems(blocks, 50);

/** What breaks Block Kit's limits in an App Home view (100 blocks at most). */
export const homeProblems = (view: unknown): string[] =>
  isObj(view) && view.type === 'home' ? listProblems(view.blocks, 100) : ['not a home view'];

/** What breaks Block Kit's limits in a modal. */
export function modalProblems(view: unknown): string[] {
  if (!isObj(view) || view.type !== 'modal') return ['not a modal'];
  const out = listProblems(view.blocks, 100);
  out.push(...textProblems('title', view.title, 24, 'plain_text'));
  if (view.close !== undefined) out.push(...textProblems('close', view.close, 24, 'plain_text'));
  const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObj(b) && b.type === 'input');
  if (hasInput && view.submit === undefined) out.push('a modal with inputs needs a submit button');
  if (view.submit !== undefined) out.push(...textProblems('submit', view.submit, 24, 'plain_text'));
  if (str(view.callback_id).length > 255) out.push('callback_id over 255');
  if (str(view.private_metadata).length > 3000) out.push(`private_metadata of ${str(view.private_metadata).length} characters (limit 3000)`);
  return out;
}
