import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeArtifacts, writeFileAtomic } from '../../../src/artifacts/write.js'
import { UserError } from '../../../src/errors.js'

let directory: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'berth-artifacts-'))
})
afterEach(async () => {
  await rm(directory, { recursive: true, force: true })
})

describe('writeFileAtomic', () => {
  it('creates missing directories, replaces an existing file and leaves no temporary file', async () => {
    const path = join(directory, 'out', 'nested', 'imagedefinitions.json')
    await writeFileAtomic(path, 'first\n')
    await writeFileAtomic(path, '[{"name":"web","imageUri":"nginx:1.27"}]\n')
    expect(await readFile(path, 'utf8')).toBe('[{"name":"web","imageUri":"nginx:1.27"}]\n')
    expect(await readdir(join(directory, 'out', 'nested'))).toEqual(['imagedefinitions.json'])
  })

  it('writes UTF-8', async () => {
    const path = join(directory, 'taskdef.json')
    await writeFileAtomic(path, '{"family":"café"}\n')
    expect(await readFile(path)).toEqual(Buffer.from('{"family":"café"}\n', 'utf8'))
  })

  it('fails without leaving a temporary file when the target is a directory', async () => {
    await writeFile(join(directory, 'keep'), '')
    const target = join(directory, 'sub')
    await writeFileAtomic(join(target, 'x'), 'x')
    await expect(writeFileAtomic(target, 'over a directory')).rejects.toThrow()
    expect((await readdir(directory)).sort()).toEqual(['keep', 'sub'])
  })
})

describe('writeArtifacts', () => {
  it('writes each file under the directory and returns the paths in order', async () => {
    const paths = await writeArtifacts(join(directory, 'artifacts'), [
      { name: 'imageDetail.json', content: '{"ImageURI":"a"}\n' },
      { name: 'web/imageDetail.json', content: '{"ImageURI":"b"}\n' },
    ])
    expect(paths).toEqual([
      join(directory, 'artifacts', 'imageDetail.json'),
      join(directory, 'artifacts', 'web', 'imageDetail.json'),
    ])
    expect(await readFile(paths[1], 'utf8')).toBe('{"ImageURI":"b"}\n')
  })

  it('refuses a name that leads outside the directory', async () => {
    await expect(
      writeArtifacts(join(directory, 'artifacts'), [{ name: '../escape.json', content: '' }]),
    ).rejects.toThrow(UserError)
    expect(await readdir(directory)).toEqual([])
  })
})
