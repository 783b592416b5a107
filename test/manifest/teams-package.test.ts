import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';

// `npm run package:teams` builds the zip Teams takes: manifest.json and both icons at its root, each intact.
function readZip(buffer: Buffer): Map<string, Buffer> {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    const nameLength = buffer.readUInt16LE(at + 28);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = buffer.readUInt32LE(at + 42);
    const size = buffer.readUInt32LE(at + 20);
    const crc = buffer.readUInt32LE(at + 16);
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = inflateRawSync(buffer.subarray(dataAt, dataAt + size));
    if (crc32(data) !== crc) throw new Error(`${name}: checksum does not match`);
    files.set(name, data);
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return files;
}

describe('the Teams app package', () => {
  it('npm run package:teams zips the manifest and both icons at the root, byte for byte', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-package-')), 'teams-app.zip');
    const run = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['scripts/package-teams.ts', out], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const files = readZip(fs.readFileSync(out));
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    for (const name of files.keys()) expect(files.get(name)?.equals(fs.readFileSync(path.join('manifest/teams', name)))).toBe(true);
    expect(JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}')).toMatchObject({ bots: expect.any(Array) });
  });
});
