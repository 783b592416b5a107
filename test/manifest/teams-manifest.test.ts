import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

// The Teams app manifest is validated against the official schema for the version it declares,
// from the copy shipped in @microsoft/app-manifest (draft-04 JSON Schema; no network needed).

const root = path.resolve(__dirname, '../..');
const manifestFile = path.join(root, 'manifest/teams/manifest.json');
const read = () => JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown> & { manifestVersion: string; icons: Record<string, string> };

function validatorFor(version: string) {
  const file = path.join(root, 'node_modules/@microsoft/app-manifest/build/json-schemas/teams', `v${version}`, 'MicrosoftTeams.schema.json');
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
}

function problems(manifest: unknown, version: string): string[] {
  const validate = validatorFor(version);
  return validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('Teams app manifest', () => {
  it('is valid against the official schema of the version it declares', () => {
    const manifest = read();
    expect(problems(manifest, manifest.manifestVersion)).toEqual([]);
  });

  it('the validation can fail: a malformed app id is reported', () => {
    const manifest = read();
    expect(problems({ ...manifest, id: 'not-a-guid' }, manifest.manifestVersion).join('\n')).toMatch(/\/id/);
  });

  it('ships its icons at the sizes Teams requires (192×192 colour, 32×32 outline)', () => {
    const size = (file: string) => {
      const png = fs.readFileSync(path.join(root, 'manifest/teams', file));
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    const { icons } = read();
    expect(size(icons.color as string)).toEqual([192, 192]);
    expect(size(icons.outline as string)).toEqual([32, 32]);
  });
});
