// The plan contract, as the model and components import it. In this package the path leads to
// @modeshift/plan; in a generated project the same path holds that package's own sources, copied
// unchanged (generate/shipped.ts), so every shipped file is byte for byte what is tested here.
export * from '@modeshift/plan';
