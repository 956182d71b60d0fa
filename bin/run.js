#!/usr/bin/env node
// The CLI runs from the bundle that `npm run build` writes (see scripts/bundle.mjs).
import {execute} from '../dist/bundle/itplan.js'

await execute({dir: import.meta.url})
