import type { z } from 'zod/v4';
import { presetSchema } from './preset.schema';
import type { Preset, PresetId } from './preset.schema';
import hampshireModel from './presets/hampshire-model.json';
import propeller from './presets/propeller.json';
import spt from './presets/spt.json';
import testValley from './presets/test-valley.json';

/** A preset file that does not pass its schema: names the file and the field, so start-up fails clearly. */
export class PresetError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`Policy preset ${file}, field ${field || '(top level)'}: ${detail}`);
    this.name = 'PresetError';
  }
}

/** The dotted path of the bad field; for a field the schema does not know, that field itself. */
const fieldOf = (issue: z.core.$ZodIssue) => [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])].map(String).join('.');

/** Parses one preset file's contents; throws a `PresetError` naming the file and the first bad field. */
export function parsePreset(file: string, raw: unknown): Preset {
  const parsed = presetSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PresetError(file, issue ? fieldOf(issue) : '', issue?.message ?? 'is not valid');
  }
  if (!file.endsWith(`${parsed.data.id}.json`)) throw new PresetError(file, 'id', `is "${parsed.data.id}", which does not match the file name`);
  return parsed.data;
}

const files: Record<PresetId, unknown> = { 'test-valley': testValley, propeller, spt, 'hampshire-model': hampshireModel };
const loaded = new Map<PresetId, Preset>();

/** The shipped preset with this id, validated the first time it is asked for. */
export function presetById(id: PresetId): Preset {
  let preset = loaded.get(id);
  if (!preset) {
    preset = parsePreset(`services/policy/presets/${id}.json`, files[id]);
    loaded.set(id, preset);
  }
  return preset;
}

/** Every shipped preset, validated: called at start-up so a bad file stops the server before it serves. */
export function allPresets(): Preset[] {
  return (Object.keys(files) as PresetId[]).map(presetById);
}
