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
