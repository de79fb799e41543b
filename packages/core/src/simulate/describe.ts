import { describeObject, describeReconciler, type Effect } from '@modeshift/plan';

/** One line saying what an effect changes, for the simulation report. */
export function describeEffect(effect: Effect): string {
  switch (effect.type) {
    case 'patch-pod-template':
      return `patches the pod template of ${effect.workload} (${effect.edits.map((e) => e.op).join(', ')})`;
    case 'recreate-workload':
      return `re-creates ${effect.workload} with a changed pod template (${effect.edits.map((e) => e.op).join(', ')})`;
    case 'restart-workload':
      return `restarts the pods of ${effect.workload}`;
    case 'scale-workload':
      return `scales ${effect.workload} to ${effect.replicas}`;
    case 'delete-workload':
      return `deletes ${effect.workload}`;
    case 'create-object':
      return `applies ${describeObject(effect.object)} (${effect.manifest})`;
    case 'delete-object':
      return `deletes ${describeObject(effect.object)}${effect.replacedBy ? `, replaced by ${describeObject(effect.replacedBy)}` : ''}`;
    case 'annotate-object':
      return `annotates ${describeObject(effect.object)} (${Object.keys(effect.annotations).join(', ')})`;
    case 'patch-object':
      return `patches ${describeObject(effect.object)} (${Object.keys(effect.patch).join(', ')})`;
    case 'retire-load-balancer':
      return `turns ${describeObject(effect.service)} into a ClusterIP Service (its load balancer goes${effect.replacedBy ? `, ${describeObject(effect.replacedBy)} serves the traffic` : ''}; name, ClusterIP and DNS stay)`;
    case 'migrate-web-acl':
      return `re-creates WAF Classic web ACL ${effect.classicWebAcl} in WAFv2`;
    case 'associate-web-acl':
      return `associates WAFv2 web ACL ${effect.webAcl} with the load balancer of ${describeObject(effect.object)}`;
    case 'create-fargate-profile':
      return `creates Fargate profile ${effect.name} (${effect.selectors
        .map(
          (s) =>
            s.namespace +
            (Object.keys(s.labels).length
              ? ` with ${Object.entries(s.labels)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(',')}`
              : ''),
        )
        .join('; ')})`;
    case 'delete-fargate-profile':
      return `deletes Fargate profile ${effect.name}`;
    case 'enable-auto-mode':
      return `enables Auto Mode with node pools ${effect.nodePools.join(', ')}${effect.loadBalancing ? ' and load balancing' : ''}`;
    case 'disable-auto-mode':
      return 'disables Auto Mode';
    case 'install-addon':
      return `installs ${effect.addon}${effect.runs.on === 'eks-managed' ? ' (managed by EKS)' : ` (${effect.runs.on} ${effect.runs.namespace}/${effect.runs.name})`}`;
    case 'remove-addon':
      return `removes ${effect.addon}`;
    case 'upgrade-addon':
      return `upgrades ${effect.addon} to ${effect.toAtLeast} or later`;
    case 'attach-role-policies':
      return `attaches ${effect.policies.join(', ')} to role ${effect.role}`;
    case 'detach-role-policies':
      return `detaches ${effect.policies.join(', ')} from role ${effect.role}`;
    case 'create-role':
      return `creates IAM role ${effect.role}`;
    case 'update-role-trust':
      return `changes the trust policy of role ${effect.role}`;
    case 'create-pod-identity-association':
      return `associates service account ${effect.namespace}/${effect.serviceAccount} with role ${effect.role} (Pod Identity)`;
    case 'create-oidc-provider':
      return `creates the IAM OIDC provider for ${effect.issuer}`;
    case 'set-authentication-mode':
      return `sets the authentication mode to ${effect.mode}`;
    case 'upgrade-kubernetes':
      return `upgrades Kubernetes to ${effect.toAtLeast} or later`;
    case 'move-data':
      return `moves the data of claim ${effect.claim}`;
    case 'suspend-reconciliation':
      return `pauses the sync of ${describeReconciler(effect.reconciler)} (${effect.workloads.join(', ')})`;
    case 'resume-reconciliation':
      return `resumes the sync of ${describeReconciler(effect.reconciler)} (${effect.workloads.join(', ')})`;
  }
}
