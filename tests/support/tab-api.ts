import type { TestUser } from './activities';

/** An answer of the tab API: status, parsed body and headers. */
export interface TabApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the tab's JSON API as a member in local mode (the server still checks the Teams roster). */
export function tabApi(baseUrl: string, teamId: string, user: Pick<TestUser, 'id' | 'name'>) {
  const call = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<TabApiResponse<T>> => {
    const response = await fetch(`${baseUrl}/api/teams/${encodeURIComponent(teamId)}${path}`, {
      method,
      headers: {
        'x-local-user-id': user.id,
        'x-local-user-name': user.name,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(options.body === undefined
        ? {}
        : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const body = (type.includes('json') && text ? JSON.parse(text) : text) as T;
    return { status: response.status, body, headers: response.headers };
  };
  return {
    get: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) =>
      call<T>('GET', path, headers ? { headers } : {}),
    post: <T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, { body: body ?? {}, ...(headers ? { headers } : {}) }),
    patch: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('PATCH', path, { body, ...(headers ? { headers } : {}) }),
    put: <T = Record<string, unknown>>(path: string, body: unknown) => call<T>('PUT', path, { body }),
    delete: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) =>
      call<T>('DELETE', path, headers ? { headers } : {}),
  };
}

export type TabApi = ReturnType<typeof tabApi>;
