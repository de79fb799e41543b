/**
 * The name grammars Kubernetes and EKS enforce. An inventory holding a name no API server or EKS
 * would accept was edited by hand or tampered with; such names end up in shell commands, generated
 * code and terminals, so they are refused when the inventory is read. Reasons never quote the name.
 */
export type NameFormat =
  'eks' | 'dns-subdomain' | 'dns-label' | 'dns-1035-label' | 'path-segment' | 'label-key' | 'label-value' | 'namespace' | 'wildcard-pattern';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const EKS_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
// Control characters, and the characters the API server refuses in any path segment.
// Fargate profile selectors may use * and ? in namespaces and labels.
const WILDCARD_PATTERN = /^[A-Za-z0-9._/*?-]*$/;
const NOT_IN_PATH_SEGMENT = /[\u0000-\u001f\u007f-\u009f/%]/;

const DESCRIPTION: Record<NameFormat, string> = {
  eks: 'an EKS name (1 to 100 letters, digits, - or _, starting with a letter or digit)',
  'dns-subdomain': 'a Kubernetes name (at most 253 lower-case letters, digits, - or ., starting and ending with a letter or digit)',
  'dns-label': 'a Kubernetes name (at most 63 lower-case letters, digits or -, starting and ending with a letter or digit)',
  'dns-1035-label': 'a Service name (at most 63 lower-case letters, digits or -, starting with a letter and ending with a letter or digit)',
  'path-segment': 'a Kubernetes name (1 to 253 characters, no /, % or control characters, not . or ..)',
  'label-key': 'a label key (an optional DNS subdomain and /, then at most 63 letters, digits, -, _ or ., starting and ending with a letter or digit)',
  'label-value': 'a label value (at most 63 letters, digits, -, _ or ., starting and ending with a letter or digit, or empty)',
  'wildcard-pattern': 'a Fargate selector (at most 317 letters, digits, -, _, ., /, * or ?)',
  namespace: 'a namespace name (at most 63 lower-case letters, digits or -, starting and ending with a letter or digit)',
};

function fits(format: NameFormat, name: string): boolean {
  switch (format) {
    case 'eks':
      return name.length >= 1 && name.length <= 100 && EKS_NAME.test(name);
    case 'dns-subdomain':
      return name.length <= 253 && DNS_SUBDOMAIN.test(name);
    case 'dns-label':
      return name.length <= 63 && DNS_LABEL.test(name);
    case 'dns-1035-label':
      return name.length <= 63 && DNS_1035_LABEL.test(name);
    case 'path-segment':
      return name.length >= 1 && name.length <= 253 && name !== '.' && name !== '..' && !NOT_IN_PATH_SEGMENT.test(name);
    case 'label-key':
      return isLabelKey(name);
    case 'label-value':
      return name === '' || (name.length <= 63 && QUALIFIED_NAME.test(name));
    case 'wildcard-pattern':
      return name.length <= 317 && WILDCARD_PATTERN.test(name);
    case 'namespace':
      // Empty means "default" in a manifest.
      return name === '' || (name.length <= 63 && DNS_LABEL.test(name));
  }
}

function isLabelKey(key: string): boolean {
  if (key.length > 253 + 1 + 63) return false;
  const slash = key.indexOf('/');
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (slash !== -1) {
    const prefix = key.slice(0, slash);
    if (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)) return false;
  }
  return name.length >= 1 && name.length <= 63 && QUALIFIED_NAME.test(name);
}

/** Null when `name` fits the format, else what it must be (without the name itself). */
export function nameProblem(format: NameFormat, name: string): string | null {
  return fits(format, name) ? null : `must be ${DESCRIPTION[format]}`;
}

export const isValidName = (format: NameFormat, name: string): boolean => fits(format, name);
