import type { XmlValue } from '../shared/xml.js';
import { deleteRolePolicy, getRolePolicy, listRolePolicies, putRolePolicy } from './iam-inline-policies.js';
import { attachRolePolicy, detachRolePolicy, listAttachedRolePolicies } from './iam-role-policies.js';
import { listRoleTags, tagRole, untagRole } from './iam-role-tags.js';
import { createRole, deleteRole, getRole, listRoles } from './iam-roles.js';
import type { IamContext } from './iam-settings.js';

export interface IamAction {
  mutating: boolean;
  /** The `<ActionResult>` content, or undefined for actions that return only ResponseMetadata. */
  handle(context: IamContext): Record<string, XmlValue> | undefined;
}

/** The IAM actions the fake implements, by their `Action=` name. */
export const IAM_ACTIONS: Readonly<Record<string, IamAction>> = {
  CreateRole: { mutating: true, handle: createRole },
  GetRole: { mutating: false, handle: getRole },
  DeleteRole: { mutating: true, handle: deleteRole },
  ListRoles: { mutating: false, handle: listRoles },
  AttachRolePolicy: { mutating: true, handle: attachRolePolicy },
  DetachRolePolicy: { mutating: true, handle: detachRolePolicy },
  ListAttachedRolePolicies: { mutating: false, handle: listAttachedRolePolicies },
  PutRolePolicy: { mutating: true, handle: putRolePolicy },
  GetRolePolicy: { mutating: false, handle: getRolePolicy },
  DeleteRolePolicy: { mutating: true, handle: deleteRolePolicy },
  ListRolePolicies: { mutating: false, handle: listRolePolicies },
  TagRole: { mutating: true, handle: tagRole },
  UntagRole: { mutating: true, handle: untagRole },
  ListRoleTags: { mutating: false, handle: listRoleTags },
};
