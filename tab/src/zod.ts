import { z } from 'zod/v4';

// zod 4 compiles its object parsers with `new Function` unless told not to, and the tab's
// Content-Security-Policy allows no eval: every schema the tab builds comes through here, after this.
z.config({ jitless: true });

export { z };
