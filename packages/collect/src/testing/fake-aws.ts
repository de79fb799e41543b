// EKS (REST-JSON) and EC2 (Query protocol, XML answers) on 127.0.0.1, serving what they are given. Requests must be
// SigV4-signed with the expected access key; actions the README's IAM policy does not allow get the
// AccessDenied/UnauthorizedOperation errors the real services send.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AwsData } from './data.js';
import { applyFilters, filtersOf, type Ec2Resource } from './ec2-filters.js';
import { iamAllows, type IamPolicy } from './policy.js';

export interface AwsRequest {
  service: 'eks' | 'ec2';
  action: string;
  method: string;
  /** The region in the SigV4 credential scope. */
  region: string | null;
  status: number;
  deniedBy?: 'iam' | 'scenario';
  params: Record<string, string>;
}

export interface FakeAwsOptions {
  accessKeyId: string;
  policy: IamPolicy;
  /** The one cluster EKS knows (named by `data.cluster.name`), its profiles and node groups, and the VPC's resources. */
  data: AwsData;
  /** Actions ("eks:ListNodegroups") answered AccessDenied although the policy allows them. */
  deny?: readonly string[];
  /** action → how many throttling errors its first calls get. */
  throttle?: Record<string, number>;
}

export interface FakeAws {
  eksUrl: string;
  ec2Url: string;
  requests: AwsRequest[];
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const lowerCamel = (key: string) => key.charAt(0).toLowerCase() + key.slice(1);
// Where EC2's XML names differ from the JSON (and SDK) names.
const XML_NAMES: Record<string, string> = { Tags: 'tagSet', UserIdGroupPairs: 'groups' };

function toXml(value: unknown, topLevelNames: Record<string, string> = {}): string {
  if (Array.isArray(value)) return value.map((item) => `<item>${toXml(item)}</item>`).join('');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value as Json)
      .map(([key, inner]) => {
        const tag = topLevelNames[key] ?? XML_NAMES[key] ?? lowerCamel(key);
        return `<${tag}>${toXml(inner)}</${tag}>`;
      })
      .join('');
  }
  return escapeXml(String(value));
}

/**
 * EKS sends timestamps as epoch seconds; the AWS CLI prints them as ISO dates, which is how inventories
 * hold them. Fields named like createdAt/modifiedAt go back to the wire form.
 */
function eksWire(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => eksWire(item));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value as Json).map(([k, inner]) => [k, eksWire(inner, k)]));
  }
  if (typeof value === 'string' && /(At|Expiry)$/.test(key) && !Number.isNaN(Date.parse(value))) return Date.parse(value) / 1000;
  return value;
}

async function body(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function credentialScope(req: http.IncomingMessage): { accessKeyId: string; region: string; service: string } | null {
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(req.headers.authorization ?? '');
  return match?.[1] && match[2] && match[3] ? { accessKeyId: match[1], region: match[2], service: match[3] } : null;
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startFakeAws(options: FakeAwsOptions): Promise<FakeAws> {
  const { cluster, fargateProfiles: profiles, nodegroups, securityGroups, subnets } = options.data;
  const clusterName = String(cluster.name);
  const requests: AwsRequest[] = [];
  const calls = new Map<string, number>();

  /** Shared gatekeeping: signature, IAM, scripted denials and throttling. Returns an error code or null. */
  const gate = (record: AwsRequest, req: http.IncomingMessage): { status: number; code: string } | null => {
    const scope = credentialScope(req);
    record.region = scope?.region ?? null;
    if (scope === null || scope.accessKeyId !== options.accessKeyId || scope.service !== record.service) {
      return { status: 403, code: record.service === 'eks' ? 'UnrecognizedClientException' : 'AuthFailure' };
    }
    const denied = record.service === 'eks' ? 'AccessDeniedException' : 'UnauthorizedOperation';
    if (!iamAllows(options.policy, record.action)) {
      record.deniedBy = 'iam';
      return { status: 403, code: denied };
    }
    if (options.deny?.includes(record.action)) {
      record.deniedBy = 'scenario';
      return { status: 403, code: denied };
    }
    const count = (calls.get(record.action) ?? 0) + 1;
    calls.set(record.action, count);
    if (count <= (options.throttle?.[record.action] ?? 0)) return { status: record.service === 'eks' ? 429 : 503, code: record.service === 'eks' ? 'ThrottlingException' : 'RequestLimitExceeded' };
    return null;
  };

  const eks = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
    const action =
      parts[0] !== 'clusters' ? 'eks:Unknown'
      : parts.length === 2 ? 'eks:DescribeCluster'
      : parts[2] === 'fargate-profiles' ? (parts.length === 3 ? 'eks:ListFargateProfiles' : 'eks:DescribeFargateProfile')
      : parts[2] === 'node-groups' ? (parts.length === 3 ? 'eks:ListNodegroups' : 'eks:DescribeNodegroup')
      : 'eks:Unknown';
    const record: AwsRequest = { service: 'eks', action, method: req.method ?? '', region: null, status: 0, params: Object.fromEntries(url.searchParams) };
    requests.push(record);
    const reply = (status: number, payload: unknown, errorType?: string) => {
      record.status = status;
      res.writeHead(status, { 'Content-Type': 'application/json', ...(errorType ? { 'x-amzn-ErrorType': errorType } : {}) });
      res.end(JSON.stringify(eksWire(payload)));
    };
    const failure = req.method === 'GET' ? gate(record, req) : { status: 403, code: 'AccessDeniedException' };
    if (failure) return reply(failure.status, { message: `${failure.code} for ${action}` }, failure.code);
    const notFound = () => reply(404, { message: `No cluster found for name: ${parts[1]}.` }, 'ResourceNotFoundException');
    if (parts[1] !== clusterName) return notFound();
    const page = <T>(items: T[]) => {
      const start = Number(url.searchParams.get('nextToken') ?? '0');
      const end = Math.min(start + 2, items.length); // small pages, so pagination is exercised
      return { items: items.slice(start, end), nextToken: end < items.length ? String(end) : undefined };
    };
    switch (action) {
      case 'eks:DescribeCluster':
        return reply(200, { cluster });
      case 'eks:ListFargateProfiles': {
        const { items, nextToken } = page(profiles.map((p) => String(p.fargateProfileName)));
        return reply(200, { fargateProfileNames: items, nextToken });
      }
      case 'eks:DescribeFargateProfile': {
        const profile = profiles.find((p) => p.fargateProfileName === parts[3]);
        return profile ? reply(200, { fargateProfile: profile }) : notFound();
      }
      case 'eks:ListNodegroups': {
        const { items, nextToken } = page(nodegroups.map((n) => String(n.nodegroupName)));
        return reply(200, { nodegroups: items, nextToken });
      }
      case 'eks:DescribeNodegroup': {
        const nodegroup = nodegroups.find((n) => n.nodegroupName === parts[3]);
        return nodegroup ? reply(200, { nodegroup }) : notFound();
      }
      case 'eks:Unknown':
        return reply(404, { message: 'unknown route' }, 'ResourceNotFoundException');
    }
  });

  const ec2Request = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const params = Object.fromEntries(new URLSearchParams(await body(req)));
    const record: AwsRequest = { service: 'ec2', action: `ec2:${params.Action ?? 'Unknown'}`, method: req.method ?? '', region: null, status: 0, params };
    requests.push(record);
    const reply = (status: number, xml: string) => {
      record.status = status;
      res.writeHead(status, { 'Content-Type': 'text/xml;charset=UTF-8' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
    };
    const failure = req.method === 'POST' ? gate(record, req) : { status: 403, code: 'UnauthorizedOperation' };
    if (failure) {
      return reply(failure.status, `<Response><Errors><Error><Code>${failure.code}</Code><Message>${failure.code} for ${record.action}</Message></Error></Errors><RequestID>req-err</RequestID></Response>`);
    }
    const start = Number(params.NextToken ?? '0');
    const paged = (resource: Ec2Resource, items: Json[]) => {
      const matching = applyFilters(resource, items, filtersOf(params));
      if (!Array.isArray(matching)) return matching;
      const end = Math.min(start + 2, matching.length);
      const next = end < matching.length ? `<nextToken>${end}</nextToken>` : '';
      return { items: matching.slice(start, end), next };
    };
    const badRequest = (message: string) =>
      reply(400, `<Response><Errors><Error><Code>InvalidParameterValue</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>req-bad</RequestID></Response>`);
    const ns = 'xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"';
    if (params.Action === 'DescribeSecurityGroups') {
      const out = paged('security-group', securityGroups);
      if ('invalid' in out) return badRequest(`The filter '${out.invalid}' is invalid`);
      const xml = out.items.map((group) => `<item>${toXml(group, { Description: 'groupDescription' })}</item>`).join('');
      return reply(200, `<DescribeSecurityGroupsResponse ${ns}><requestId>req-sg</requestId><securityGroupInfo>${xml}</securityGroupInfo>${out.next}</DescribeSecurityGroupsResponse>`);
    }
    if (params.Action === 'DescribeSubnets') {
      const out = paged('subnet', subnets);
      if ('invalid' in out) return badRequest(`The filter '${out.invalid}' is invalid`);
      const xml = out.items.map((subnet) => `<item>${toXml(subnet)}</item>`).join('');
      return reply(200, `<DescribeSubnetsResponse ${ns}><requestId>req-subnet</requestId><subnetSet>${xml}</subnetSet>${out.next}</DescribeSubnetsResponse>`);
    }
    return badRequest('unsupported request');
  };
  // http does not await handlers; the promise is dropped on purpose (the handler replies on every path).
  const ec2 = http.createServer((req, res) => void ec2Request(req, res));

  const [eksUrl, ec2Url] = [await listen(eks), await listen(ec2)];
  return {
    eksUrl,
    ec2Url,
    requests,
    close: async () => {
      for (const server of [eks, ec2]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
