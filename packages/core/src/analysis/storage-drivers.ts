// The storage provisioners and CSI drivers rules of both directions recognise.
import { AUTO_MODE_FACTS } from '../capabilities/limits.js';

/** §0.8, §2 block storage row, §1 migration reference table (older provisioner name). */
export const STORAGE_DRIVERS = {
  efs: 'efs.csi.aws.com',
  ebs: ['ebs.csi.aws.com', 'kubernetes.io/aws-ebs'],
  ebsMigrationTool: 'awslabs/eks-auto-mode-ebs-migration-tool',
} as const;

/** §0.8 and §1 migration reference table: every EBS provisioner name in use, old and new. */
export const EBS_PROVISIONERS: readonly string[] = [AUTO_MODE_FACTS.ebsProvisioner, 'ebs.csi.aws.com', 'kubernetes.io/aws-ebs'];
export const EFS_PROVISIONER = 'efs.csi.aws.com';

/** §2 FSx for Lustre row; the Mountpoint for Amazon S3 CSI driver's name. */
export const FSX_LUSTRE_PROVISIONER = 'fsx.csi.aws.com';
export const MOUNTPOINT_S3_DRIVER = 's3.csi.aws.com';
