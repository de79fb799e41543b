import { readFileSync } from 'node:fs';
import { PLAN_SOURCE_DIR, PLAN_SOURCE_FILES } from '@modeshift/plan/sources';
import { describe, expect, it } from 'vitest';
import { examplePlan, EXAMPLES, REPO_ROOT } from '../testing/examples.js';
import type { Plan } from '../plan/index.js';
import { generateProject } from './project.js';
import { PINNED_DEPENDENCIES, PINNED_DEV_DEPENDENCIES } from './project-files.js';
import { PACKAGE_VERSION, readShippedSources, SHIPPED_PLAN_DIR, SHIPPED_SOURCES } from './shipped.js';

const shipped = readShippedSources();
const generate = (plan: Plan, stack = 'migration') => generateProject(plan, { stack, shipped });
/** The fields of a package.json these tests read. */
interface PackageJson {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageJson;
const rootPkg = JSON.parse(readFileSync(`${REPO_ROOT}package.json`, 'utf8')) as PackageJson;

describe.each(EXAMPLES)('the generated project for %s', (name) => {
  const plan = examplePlan(name);
  const files = generate(plan);

  it('has every file of a Pulumi TypeScript project, and the same bytes on every run', () => {
    for (const f of ['Pulumi.yaml', 'Pulumi.migration.yaml', 'package.json', 'tsconfig.json', 'index.ts', 'plan.json', 'README.md', 'modeshift/index.ts'])
      expect(files.has(f), f).toBe(true);
    expect(generate(examplePlan(name))).toEqual(files);
    expect([...files.keys()]).toEqual([...files.keys()].sort());
  });

  it('pins the versions this repository tests with, and refers to nothing outside its directory', () => {
    const project = JSON.parse(files.get('package.json')!) as PackageJson;
    expect(project.dependencies).toEqual(PINNED_DEPENDENCIES);
    expect(project.devDependencies).toEqual(PINNED_DEV_DEPENDENCIES);
    for (const [dep, version] of Object.entries(project.dependencies)) expect(version, dep).toMatch(/^\d+\.\d+\.\d+$/);
    for (const [path, text] of files) {
      expect(text, path).not.toContain(REPO_ROOT);
      expect(text, path).not.toMatch(/"(file|link):/);
    }
    const imports = [...files.get('index.ts')!.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['./modeshift/index.js', '@pulumi/pulumi', 'node:fs']);
  });

  it('carries the plan it was made from', () => {
    expect(JSON.parse(files.get('plan.json')!)).toEqual(JSON.parse(JSON.stringify(plan)));
  });

  it('names the blockers it leaves out in index.ts, or says there are none', () => {
    const index = files.get('index.ts')!;
    const staying = plan.workloads.filter((w) => w.outcome === 'stays');
    if (staying.length === 0) expect(index).toContain('// Left out: nothing. The plan marks no blocker.');
    for (const w of staying) expect(index).toContain(`//   ${w.workload}: stays (today:`);
    expect(files.get('README.md')!).toContain('## Left out');
  });

  it("writes the stack config with the plan's values", () => {
    const config = files.get('Pulumi.migration.yaml')!;
    expect(config).toContain(`modeshift:clusterName: "${plan.cluster.name}"`);
    expect(config).toContain(`aws:region: "${plan.cluster.region}"`);
  });

  it('describes modeshift:vpcId as what its value asks for', () => {
    const lines = files.get('Pulumi.migration.yaml')!.split('\n');
    const at = lines.findIndex((l) => l.includes('modeshift:vpcId:'));
    if (at === -1) return; // only stacks towards Auto Mode offer a new cluster
    expect(lines[at]).toContain('VPC of the new cluster (only with newCluster: true)');
    expect(lines[at - 1]).toContain('The VPC to build the new cluster in (only with newCluster: true)');
  });
});

describe('generateProject', () => {
  it('marks what the plan does not know as REQUIRED', () => {
    const plan = { ...examplePlan('auto-mode-to-fargate'), cluster: { name: null, region: null, version: null } };
    const config = generate(plan, 'prod').get('Pulumi.prod.yaml')!;
    expect(config).toContain('modeshift:clusterName: "<REQUIRED: the EKS cluster name>"');
    expect(config).toContain('aws:region: "<REQUIRED: the AWS region of the cluster>"');
    expect(config.match(/# REQUIRED\./g)).toHaveLength(2);
    expect(() => generate(plan, '../x')).toThrow(/stack name/);
  });

  it('keeps pins in step with the versions the components are built and typed with', () => {
    for (const [dep, version] of Object.entries(PINNED_DEPENDENCIES)) expect(pkg.dependencies[dep], dep).toBe(version);
    expect(PINNED_DEV_DEPENDENCIES['typescript']).toBe(rootPkg.devDependencies.typescript);
    expect(PINNED_DEV_DEPENDENCIES['@types/node']).toBe(rootPkg.devDependencies['@types/node']);
    expect(PACKAGE_VERSION).toBe(pkg.version);
  });

  it('ships the component sources unchanged, and they import nothing but @pulumi/*, node:* and each other', () => {
    for (const [from, to] of SHIPPED_SOURCES) {
      const text = shipped.get(to)!;
      expect(text.slice(text.indexOf('\n') + 1)).toBe(readFileSync(new URL(`../${from}`, import.meta.url), 'utf8'));
    }
    for (const [to, text] of shipped) {
      for (const [, spec] of text.matchAll(/from '([^']+)'/g)) {
        if (spec!.startsWith('.')) {
          const resolved = new URL(spec!.replace(/\.js$/, '.ts'), `file:///p/${to}`).pathname.slice(3);
          expect(shipped.has(resolved), `${to} imports ${spec}`).toBe(true);
        } else expect(spec, `${to} imports ${spec}`).toMatch(/^(@pulumi\/(pulumi|aws|eks|kubernetes)|node:.+)$/);
      }
    }
  });

  it('ships the plan package byte for byte where the components import it from', () => {
    for (const file of PLAN_SOURCE_FILES) expect(shipped.get(`${SHIPPED_PLAN_DIR}${file}`), file).toBe(readFileSync(new URL(file, PLAN_SOURCE_DIR), 'utf8'));
    expect(SHIPPED_SOURCES.map(([from]) => from)).not.toContain('plan/index.ts');
    expect(shipped.size).toBe(SHIPPED_SOURCES.length + PLAN_SOURCE_FILES.length);
  });
});

describe('@modeshift/pulumi main entry', () => {
  it('loads no Pulumi SDK, so `modeshift stack` stays fast (components live at ./sdk)', () => {
    const seen = new Set<string>();
    const visit = (file: URL): void => {
      if (seen.has(file.href)) return;
      seen.add(file.href);
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/^(?:import|export)(?! type)[^;]*? from '([^']+)'/gm)) {
        expect(spec, `${file.pathname} imports ${spec}`).not.toMatch(/^@pulumi\//);
        if (spec!.startsWith('.')) visit(new URL(spec!.replace(/\.js$/, '.ts'), file));
      }
    };
    visit(new URL('../index.ts', import.meta.url));
    expect(seen.size).toBeGreaterThan(5);
  });
});
