// Every `expression // result` line in the JSDoc @example blocks of src/ is run here, so
// the documentation cannot drift from the code.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv2020 from 'ajv/dist/2020.js'
import { expect, test } from 'vitest'
import * as api from './index.ts'

const srcDir = dirname(fileURLToPath(import.meta.url))

type Example = { where: string; expression: string; expected: string }

/** The literal at the start of `text` ('…', "…", […], {…}, or a word), without any remark after it. */
function leadingLiteral(text: string): string {
  const first = text[0]
  if (first === "'" || first === '"') return text.slice(0, text.indexOf(first, 1) + 1)
  if (first === '[' || first === '{') {
    let depth = 0
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '[' || text[i] === '{') depth++
      if (text[i] === ']' || text[i] === '}') depth--
      if (depth === 0) return text.slice(0, i + 1)
    }
  }
  return text.split(/\s/)[0] ?? text
}

function examples(): Example[] {
  const found: Example[] = []
  for (const file of readdirSync(srcDir).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  )) {
    const lines = readFileSync(join(srcDir, file), 'utf8').split('\n')
    lines.forEach((line, i) => {
      const where = `${file}:${i + 1}`
      const inline = /^ \* (?!\/\/)(.+?)\s+\/\/ (.+)$/.exec(line)
      if (inline?.[1] && inline[2]) {
        found.push({ where, expression: inline[1], expected: leadingLiteral(inline[2]) })
        return
      }
      const below = /^ \* \/\/ (.+)$/.exec(line)
      const above = /^ \* (.+)$/.exec(lines[i - 1] ?? '')
      if (below?.[1] && above?.[1]) {
        found.push({ where, expression: above[1], expected: leadingLiteral(below[1]) })
      }
    })
  }
  return found
}

// What the examples may use besides the package's exports.
const scope: Record<string, unknown> = {
  ...api,
  validate: new Ajv2020({ validateFormats: false }).compile(api.reportJsonSchema()),
}

test('the JSDoc examples say what the code does', () => {
  const skipped: string[] = []
  let checked = 0
  for (const { where, expression, expected } of examples()) {
    let actual: unknown
    try {
      actual = new Function(...Object.keys(scope), `return (${expression})`)(
        ...Object.values(scope),
      )
    } catch (error) {
      // examples that need a variable of their own context (`data`) are listed below
      if (error instanceof SyntaxError || error instanceof ReferenceError) {
        skipped.push(`${where} ${expression}`)
        continue
      }
      throw error
    }
    expect(actual, `${where}: ${expression}`).toEqual(new Function(`return (${expected})`)())
    checked++
  }
  expect(skipped).toEqual(['problems.ts:153 formatProblems(Report.safeParse(data).error!, data)'])
  expect(checked).toBeGreaterThanOrEqual(28)
})
