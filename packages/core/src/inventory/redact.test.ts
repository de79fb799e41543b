import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown/index.js';
import { renderText } from '../render/text.js';
import { buildContext } from '../rules/engine/run.js';
import { normalize, object } from './__fixtures__/raw.js';
import { isSecretKey, REDACTED, redactConfigText } from './redact.js';

const MARKER = 'PLANTED-SECRET-7d1f';

describe('which setting names hold credentials', () => {
  it('matches auth, passwd, password, token, secret and key as word parts, in any case', () => {
    for (const name of [
      'HTTP_Passwd',
      'Cloud_Auth',
      'tls.key_passwd',
      'password',
      'API_TOKEN',
      'client_secret',
      'apiKey',
      'APIKey',
      'Shared_Key',
      'license_key',
      'aws_secret_access_key',
      'Authorization',
      'X-Api-Key',
      'db.pass',
      'KEY',
    ]) {
      expect(isSecretKey(name), name).toBe(true);
    }
  });

  it('keeps names that point at a secret and keys that name a record field', () => {
    for (const name of [
      'Key_Name',
      'secretName',
      'token_file',
      'tls.key_file',
      'Log_Key',
      'time_key',
      'Merge_Log_Key',
      'Logstash_Prefix_Key',
      'auth_type',
      'Host',
      'HTTP_User',
      'keyboard',
      'monkey',
    ]) {
      expect(isSecretKey(name), name).toBe(false);
    }
  });

  it('redacts Fluent Bit, YAML, .env and JSON lines, and header values named like a credential', () => {
    const text = [
      '[OUTPUT]',
      '    Name  es',
      `    HTTP_Passwd ${MARKER}`,
      `    Header Authorization Bearer ${MARKER}`,
      '    AWS_Auth On',
      '    Cloud_Auth ${CLOUD_AUTH}',
      `token: ${MARKER}`,
      `DB_PASSWORD=${MARKER}`,
      `  "apiKey": "${MARKER}",`,
      '    Log_Key log',
    ].join('\n');
    expect(redactConfigText(text)).toBe(
      [
        '[OUTPUT]',
        '    Name  es',
        `    HTTP_Passwd ${REDACTED}`,
        `    Header Authorization ${REDACTED}`,
        '    AWS_Auth On',
        '    Cloud_Auth ${CLOUD_AUTH}',
        `token: ${REDACTED}`,
        `DB_PASSWORD=${REDACTED}`,
        `  "apiKey": "${REDACTED}",`,
        '    Log_Key log',
      ].join('\n'),
    );
  });
});

describe('credentials are redacted once, when the inventory is read', () => {
  const fluentBitConfig = [
    '[OUTPUT]',
    '    Name es',
    '    Match *',
    '    Host es.example.com',
    `    HTTP_Passwd ${MARKER}`,
    '    tls.key_passwd ${TLS_PASS}',
    '    Logstash_Prefix ${PREFIX}',
  ].join('\n');
  const awsLogging = [
    '[OUTPUT]',
    '    Name es',
    '    Match *',
    '    Host es.example.com',
    `    Cloud_Auth user:${MARKER}`,
    `    tls.key_passwd ${MARKER}`,
  ].join('\n');
  const agent = object('apps/v1', 'DaemonSet', 'fluent-bit', 'logging', {
    spec: {
      template: {
        metadata: { labels: { app: 'fluent-bit' } },
        spec: {
          containers: [
            {
              name: 'fluent-bit',
              image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:3.0.1',
              args: [`--http-passwd=${MARKER}`],
              env: [
                { name: 'TLS_PASS', value: MARKER },
                { name: 'PREFIX', value: 'logs' },
              ],
            },
          ],
          volumes: [{ name: 'config', configMap: { name: 'fluent-bit-config' } }],
        },
      },
    },
  });
  const { inventory, problems } = normalize(
    agent,
    object('v1', 'ConfigMap', 'fluent-bit-config', 'logging', { data: { 'output.conf': fluentBitConfig, password: MARKER } }),
    object('v1', 'ConfigMap', 'aws-logging', 'aws-observability', { data: { 'output.conf': awsLogging } }),
  );

  it('leaves no credential in the inventory, and keeps the rest of the configuration', () => {
    expect(problems).toEqual([]);
    const text = JSON.stringify(inventory);
    expect(text).not.toContain(MARKER);
    expect(inventory.configMaps.find((c) => c.metadata.name === 'fluent-bit-config')?.data['output.conf']).toContain('    Logstash_Prefix ${PREFIX}');
  });

  it('so that no plan output in either direction shows one', () => {
    for (const target of ['fargate', 'auto-mode'] as const) {
      const plan = buildPlan(buildContext(inventory, { target, clusterVersion: '1.33' }));
      for (const output of [renderJson(plan), renderText(plan), renderMarkdown(plan)]) expect(output).not.toContain(MARKER);
    }
  });
});
