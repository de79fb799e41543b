import { describe, expect, it } from 'vitest';
import { logShippingPolicy } from './log-shipping-role.js';

describe("the log agent's policy", () => {
  it('reads plugin names in any case, as Fluent Bit does', () => {
    const { policy, unknown } = logShippingPolicy([{ plugin: 'Kinesis_Firehose', params: {} }]);
    expect(policy).toMatchObject({ Statement: [{ Action: ['firehose:PutRecordBatch'], Resource: '*' }] });
    expect(unknown).toEqual([]);
  });

  it('is none when no output writes to AWS: IAM refuses a statement without actions', () => {
    expect(logShippingPolicy([{ plugin: 'http', params: {} }])).toEqual({ policy: null, unknown: ['http'] });
  });
});
