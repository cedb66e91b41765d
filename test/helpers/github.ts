import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface GitHubRequest {
  method: string
  path: string
  authorization?: string
  body: Record<string, unknown>
}

/**
 * The two REST endpoints of GitHub deployments, on loopback: enough for the real Octokit client in the Action
 * bundle to record a deployment and its statuses, which the test then reads back.
 */
export async function startFakeGitHub() {
  const requests: GitHubRequest[] = []
  let nextId = 1000
  const server = createServer((request, response) => {
    let text = ''
    request.on('data', (chunk) => (text += chunk))
    request.on('end', () => {
      const path = request.url ?? ''
      requests.push({
        method: request.method ?? '',
        path,
        authorization: request.headers.authorization,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      })
      const created = request.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/deployments(\/\d+\/statuses)?$/.test(path)
      response.writeHead(created ? 201 : 404, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify(created ? { id: nextId++, url: `http://github.test${path}` } : { message: 'Not Found' }),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    requests,
    /** The variables the runner sets that @actions/github reads. */
    env: {
      GITHUB_API_URL: url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_RUN_ID: '4242',
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
