import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { UserError } from '../errors.js'
import type { ArtifactFile } from './index.js'

/**
 * Writes a file so that readers see the old content or the new, never half of it: a temporary file in the same
 * directory (so the rename stays on one file system), then a rename over the target. Creates missing directories.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const directory = dirname(path)
  await mkdir(directory, { recursive: true })
  const temporary = join(directory, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, content, 'utf8')
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

/** Writes the artifacts into `directory`, returning the paths written, in order. */
export async function writeArtifacts(directory: string, files: readonly ArtifactFile[]): Promise<string[]> {
  const paths: string[] = []
  for (const file of files) {
    const path = join(directory, file.name)
    const inside = relative(resolve(directory), resolve(path))
    if (inside.startsWith('..') || isAbsolute(inside)) {
      throw new UserError(`artifact name ${JSON.stringify(file.name)} would be written outside ${directory}.`)
    }
    await writeFileAtomic(path, file.content)
    paths.push(path)
  }
  return paths
}

/** Before anything changes: `--artifacts-dir` must be a directory, or a path where berth can create one. */
export async function checkDirectory(directory: string, flag: string): Promise<void> {
  const found = await stat(directory).catch(() => undefined)
  if (found && !found.isDirectory()) {
    throw new UserError(
      `${flag} ${directory}: is a file, not a directory; give a directory (berth creates it if missing).`,
      {
        input: flag,
      },
    )
  }
}
