/** The IAM fake's state: roles by lower-cased name (IAM names are unique regardless of case). */
export interface IamTag {
  Key: string;
  Value: string;
}

export interface RoleRecord {
  roleName: string;
  roleId: string;
  arn: string;
  path: string;
  /** Epoch milliseconds on the fake's clock. */
  createDate: number;
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration: number;
  tags: IamTag[];
  attachedPolicyArns: string[];
  /** Inline policies by name (PutRolePolicy), as the JSON documents they were given. Optional so older state loads. */
  inlinePolicies?: Record<string, string>;
}

export interface IamState {
  roles: Record<string, RoleRecord>;
}

export function createIamState(): IamState {
  return { roles: {} };
}

export function roleKey(roleName: string): string {
  return roleName.toLowerCase();
}
