// `pnpm --filter colophon-client generate`: writes src/api.generated.ts from the API's
// OpenAPI document (the API app is built in process over the bundled catalogue).
import { writeFileSync } from 'node:fs'
import { GENERATED_FILE, generatedModule } from './load-document.ts'

writeFileSync(GENERATED_FILE, await generatedModule())
console.log(`wrote ${GENERATED_FILE}`)
