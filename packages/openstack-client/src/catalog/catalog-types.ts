/** Keystone's `token.catalog[]` (api-ref identity v3, "Password authentication with scoped authorization"). */
export interface CatalogEndpoint {
  id?: string;
  interface: string;
  region_id?: string | null;
  region?: string | null;
  url: string;
}

export interface CatalogService {
  id?: string;
  type: string;
  name?: string;
  endpoints: CatalogEndpoint[];
}
