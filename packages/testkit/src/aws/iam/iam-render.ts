import type { XmlValue } from '../shared/xml.js';
import type { RoleRecord } from './iam-state.js';

/**
 * A Role element. IAM returns the trust policy URL-encoded (RFC 3986), and ListRoles leaves out Tags
 * and RoleLastUsed (call GetRole for those).
 */
export function roleXml(role: RoleRecord, detail: 'full' | 'listing'): Record<string, XmlValue> {
  const full = detail === 'full';
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: new Date(role.createDate),
    AssumeRolePolicyDocument: encodeURIComponent(role.assumeRolePolicyDocument),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    Tags:
      full && role.tags.length > 0 ? role.tags.map((tag) => ({ Key: tag.Key, Value: tag.Value })) : undefined,
    RoleLastUsed: full ? {} : undefined,
  };
}
