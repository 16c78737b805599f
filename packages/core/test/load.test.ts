import { describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES, validateConfigText } from '../src/index.js';
import { registry, VALID } from './fixture-provider.js';

const validate = (text: string) =>
  validateConfigText(text, { registry, file: 'hubfleet.yaml', checkSecrets: false });

describe('validateConfigText', () => {
  it('accepts a valid file and applies schema defaults', () => {
    const result = validate(VALID);
    expect(result.issues).toEqual([]);
    expect(result.config?.cluster.kubernetesVersion).toBe('1.34');
    expect(result.config?.hubs[0]?.storage).toEqual({
      home: 'shared-nfs',
      size: '10Gi',
      sharedDir: false,
      onDelete: 'retain',
    });
    expect(result.config?.tools.placeholders).toEqual([]);
  });

  it('points an unknown key at the key itself, with "did you mean"', () => {
    const result = validate(VALID.replace('  region: here', '  region: here\n  regoin: there'));
    expect(result.config).toBeUndefined();
    expect(result.issues).toMatchObject([
      {
        pathText: 'provider.regoin',
        message: 'unknown field "regoin"',
        hint: 'did you mean "region"?',
        position: { line: 6, column: 3 },
      },
    ]);
  });

  it('reports every problem in one run, in file order', () => {
    const text = VALID.replace('min: 1, max: 2', 'min: one, max: 2').replace('type: native', 'type: nativ');
    const result = validate(text);
    expect(result.issues.map((issue) => issue.pathText)).toEqual([
      'cluster.nodeGroups[0].min',
      'hubs[0].auth.type',
    ]);
    expect(result.issues[1]?.message).toContain('must be one of');
    expect(result.issues[1]?.hint).toBe('did you mean "native"?');
  });

  it('says what is missing and where its parent is', () => {
    const result = validate(VALID.replace('    auth: { type: native, admins: [admin] }\n', ''));
    expect(result.issues).toMatchObject([
      { pathText: 'hubs[0].auth', message: expect.stringContaining('is required but missing') },
    ]);
    expect(result.issues[0]?.position?.line).toBe(14);
  });

  it('says what to write for a missing field that takes one value (apiVersion)', () => {
    const result = validate(VALID.replace('apiVersion: hubfleet/v1\n', ''));
    expect(result.issues).toMatchObject([
      { pathText: 'apiVersion', message: 'is required but missing: write apiVersion: hubfleet/v1' },
    ]);
    expect(result.issues[0]?.message).not.toContain('undefined');
  });

  it('refuses an unknown provider kind and lists the registered ones', () => {
    const result = validate(VALID.replace('kind: fixture', 'kind: azure'));
    expect(result.issues).toMatchObject([
      { pathText: 'provider.kind', message: 'must be "fixture", not the string "azure"' },
    ]);
  });

  it('refuses a plaintext secret and says how to write the reference', () => {
    const text = VALID.replace(
      '{ type: native, admins: [admin] }',
      '{ type: github, clientId: abc, clientSecret: hunter2 }',
    );
    const result = validate(text);
    expect(result.issues).toMatchObject([
      {
        pathText: 'hubs[0].auth.clientSecret',
        message: expect.stringContaining('{ fromEnv: VARIABLE_NAME }'),
      },
    ]);
    expect(JSON.stringify(result.issues)).not.toContain('hunter2');
  });

  it('guards against hostile input', () => {
    expect(validate('').issues[0]?.message).toBe('the file is empty');
    expect(validate('# only a comment\n').issues[0]?.message).toBe('the file is empty');
    expect(validate('- a\n- b\n').issues[0]?.message).toContain('not a list');
    expect(validate('just a string\n').issues[0]?.message).toContain('not a single value');
    expect(validate(`x: "${'a'.repeat(MAX_CONFIG_BYTES)}"`).issues[0]?.message).toContain('larger than');
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefghi'
        .split('')
        .map(
          (letter, index) => `${letter}: &${letter} [${Array(10).fill(`*${'abcdefghi'[index]}`).join(', ')}]`,
        ),
    ].join('\n');
    expect(validate(bomb).issues[0]?.message).toContain('aliases expand too far');
  });

  it('reports YAML syntax errors at their position', () => {
    const result = validate('apiVersion: hubfleet/v1\nname: [unclosed\n');
    expect(result.issues[0]?.message).toMatch(/^YAML syntax error/);
    expect(result.issues[0]?.position?.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses duplicate keys', () => {
    const result = validate(VALID.replace('name: demo', 'name: demo\nname: again'));
    expect(result.issues[0]?.message).toMatch(/YAML syntax error: Map keys must be unique/);
  });
});
