import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// Ink suppresses interactive frames when CI is set (toolchain G6); CI runners set it, and the
// wizard's component tests read those frames. The terminal e2e sets CI=false in its pane itself.
process.env.CI = 'false';

export default mergeConfig(shared, { test: { env: { CI: 'false' } } });
