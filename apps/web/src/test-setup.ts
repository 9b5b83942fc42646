// Unmount what each test rendered (testing-library only does this itself with globals on).
import { cleanup } from '@solidjs/testing-library'
import { afterEach } from 'vitest'

afterEach(() => cleanup())
