import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { fargateFinishedJobsRule as rule } from './fargate-finished-jobs.js';

describe('fargate-finished-jobs', () => {
  it('says a failed Job has finished and is not moved to Fargate', () => {
    const job = aWorkload({ kind: 'Job', namespace: 'shop', name: 'migrate', finished: 'failed' });
    const [finding] = runRule(rule, anAutoModeInventory([job]), { target: 'fargate' });
    expect(finding?.message).toContain('Job shop/migrate has already failed');
    expect(finding?.remediation).toContain('runs on Fargate');
  });
});
