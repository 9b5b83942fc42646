// Unmount what each test rendered (testing-library only does this itself with globals on).
// Pages are lazy chunks that Vite transforms on first import: on a busy machine that takes
// longer than testing-library's 1 s default, so `findBy…` waits for the state, longer.
import { cleanup, configure } from '@solidjs/testing-library'
import { afterEach } from 'vitest'

configure({ asyncUtilTimeout: 15_000 })
afterEach(() => cleanup())
