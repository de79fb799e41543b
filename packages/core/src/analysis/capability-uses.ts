// Which added Linux capabilities a container's own command shows it needs. Many capabilities are added
// out of habit and can simply go; one that the command visibly uses cannot: an init container that runs
// iptables without NET_ADMIN fails, and its pod never starts.
import type { Container } from '../kube.js';

/** Programs whose work needs a capability, by the capability (kernel capabilities(7)). */
const PROGRAMS: Readonly<Record<string, readonly string[]>> = {
  // Packet filtering, NAT, routing and traffic control (and the service-mesh redirect tools built on them).
  NET_ADMIN: [
    'iptables',
    'ip6tables',
    'iptables-restore',
    'ip6tables-restore',
    'iptables-legacy',
    'iptables-nft',
    'nft',
    'tc',
    'ethtool',
    'istio-iptables',
    'proxy-init',
  ],
  NET_RAW: ['ping', 'arping', 'tcpdump', 'traceroute'],
  SYS_ADMIN: ['mount', 'umount'],
  SYS_TIME: ['hwclock', 'chronyd', 'ntpd'],
};

/** `ip` changes the network only with these objects and a verb other than show/list. */
const IP_OBJECTS = new Set(['route', 'link', 'addr', 'address', 'rule', 'neigh', 'tunnel', 'netns']);
const IP_READS = new Set(['show', 'list', 'get', 'ls']);

function words(container: Container): string[] {
  return [...(container.command ?? []), ...(container.args ?? [])]
    .join(' ')
    .split(/[\s;&|()`'"]+/)
    .filter((w) => w !== '')
    .map((w) => w.slice(w.lastIndexOf('/') + 1));
}

export interface CapabilityUse {
  capability: string;
  program: string;
}

/** The capabilities the container adds that its command or args visibly use, with the program that uses each. */
export function usedCapabilities(container: Container): CapabilityUse[] {
  const added = new Set((container.securityContext?.capabilities?.add ?? []).map((c) => c.toUpperCase().replace(/^CAP_/, '')));
  if (added.size === 0) return [];
  const ws = words(container);
  const uses: CapabilityUse[] = [];
  for (const [capability, programs] of Object.entries(PROGRAMS)) {
    if (!added.has(capability)) continue;
    let program = ws.find((w) => programs.includes(w));
    if (!program && capability === 'NET_ADMIN') {
      const i = ws.findIndex((w, at) => w === 'ip' && IP_OBJECTS.has(ws[at + 1] ?? '') && !IP_READS.has(ws[at + 2] ?? 'show'));
      if (i >= 0) program = `ip ${ws[i + 1]}`;
    }
    if (program) uses.push({ capability, program });
  }
  return uses;
}
