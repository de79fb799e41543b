// Facts the load-balancer rules of both directions compare against that the capability matrix does
// not carry as data. Each block names its section of aws-facts.md in the shared reference; keep the two in step.

/**
 * The AWS Load Balancer Controller (aws-facts §2 load balancing row, Fargate column: IP targets) and
 * the names Auto Mode's own load balancing does not answer to (§4.7).
 */
export const LOAD_BALANCER_CONTROLLER = {
  ingressController: 'ingress.k8s.aws/alb',
  /** The controller's IngressClass name, and the value of the legacy `kubernetes.io/ingress.class` annotation. */
  ingressClass: 'alb',
  ingressClassAnnotation: 'kubernetes.io/ingress.class',
  /** Used when the Auto Mode IngressClass already holds the name `alb`: both must exist during blue/green. */
  ingressClassFallback: 'alb-lbc',
  nlbClass: 'service.k8s.aws/nlb',
  ingressTargetType: 'alb.ingress.kubernetes.io/target-type: ip',
  nlbTargetType: 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip',
} as const;

/** §4.7 "Not supported on Auto Mode"; `auth-type` only when it asks for OIDC. */
export const UNSUPPORTED_INGRESS_ANNOTATIONS: readonly string[] = [
  'kubernetes.io/ingress.class',
  'alb.ingress.kubernetes.io/group.name',
  'alb.ingress.kubernetes.io/waf-acl-id',
  'alb.ingress.kubernetes.io/web-acl-id',
  'alb.ingress.kubernetes.io/shield-advanced-protection',
];
export const OIDC_AUTH_ANNOTATION = 'alb.ingress.kubernetes.io/auth-type';

/** §4.7 and §1 (`aws-load-balancer-type` → use spec.loadBalancerClass). Prefixes end with "-". */
export const UNSUPPORTED_SERVICE_ANNOTATIONS: readonly string[] = [
  'service.beta.kubernetes.io/load-balancer-source-ranges',
  'service.beta.kubernetes.io/aws-load-balancer-internal',
  'service.beta.kubernetes.io/aws-load-balancer-proxy-protocol',
  'service.beta.kubernetes.io/aws-load-balancer-type',
  'service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled',
  'service.beta.kubernetes.io/aws-load-balancer-access-log-',
];

/** §4.7: IngressClassParams fields renamed between Auto Mode and the controller. */
export const INGRESS_CLASS_PARAMS_RENAMES =
  'certificateARNs → certificateArn, subnets.matchTags → subnets.tags, listeners[].attributes → listeners[].listenerAttributes';
