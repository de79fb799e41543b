// Facts the pod-identity rules compare against (aws-facts.md in the shared reference).

/** §0.9: IRSA works on Fargate, Pod Identity does not. */
export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';
/** What the Pod Identity webhook injects into pods: the agent's credentials endpoint and a token file. */
export const POD_IDENTITY_ENV = {
  credentialsUri: 'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  agentAddress: '169.254.170.23',
  tokenFile: 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
} as const;
export const POD_IDENTITY_VOLUME = 'eks-pod-identity-token';
