import { describe, expect, it } from '@jest/globals'
import { parseCommand } from '../../../src/config/command.js'
import { Invalid } from '../../../src/config/values.js'

describe('parseCommand', () => {
  it.each<[string, string[]]>([
    [`node server.js --greeting 'hello world'`, ['node', 'server.js', '--greeting', 'hello world']],
    ['node   server.js\t--port 8080 ', ['node', 'server.js', '--port', '8080']],
    [`sh -c "echo \\"\\$HOME\\" && exit 0"`, ['sh', '-c', 'echo "$HOME" && exit 0']],
    [`printf "a\\nb"`, ['printf', 'a\\nb']],
    [`echo it\\'s`, ['echo', "it's"]],
    [`echo 'a "quoted" word' "it's"`, ['echo', 'a "quoted" word', "it's"]],
    [`run --name=''`, ['run', '--name=']],
    [`a''b "c"d`, ['ab', 'cd']],
    [`echo 'back\\slash'`, ['echo', 'back\\slash']],
    ['one \\\ntwo', ['one', 'two']],
    ['["node","server.js","--greeting","hello world"]', ['node', 'server.js', '--greeting', 'hello world']],
    [' ["sh", "-c", "exit 3"]', ['sh', '-c', 'exit 3']],
  ])('%s', (text, words) => {
    expect(parseCommand(text)).toEqual(words)
  })

  it.each<[string, RegExp]>([
    [`node 'server.js`, /^the single quote that opens 'server\.js is not closed/],
    [`node "server.js --port 1`, /^the double quote that opens "server\.js --port 1 is not closed/],
    [`echo "it's`, /^the double quote that opens "it's is not closed/],
    ['echo trailing\\', /lone backslash/],
    ['', /the command is empty/],
    ['   ', /the command is empty/],
    ['[]', /the command is empty/],
    ['["node", 1]', /JSON array of strings/],
    ['[node server.js]', /not valid JSON/],
  ])('refuses %j', (text, message) => {
    expect(() => parseCommand(text)).toThrow(Invalid)
    expect(() => parseCommand(text)).toThrow(message)
  })
})
