// Unmount what each test rendered (testing-library only does this itself with globals on).
import { cleanup, configure } from '@solidjs/testing-library'
import { afterEach } from 'vitest'

// findBy*/waitFor wait for a state; their default of 1 s gave up on a busy machine (two
// cores shared by the whole suite). The bound is for a stuck test, not a timing assumption.
configure({ asyncUtilTimeout: 20_000 })

afterEach(() => cleanup())
