#!/usr/bin/env node
// The development entry: runs the relay's TypeScript sources as they are, compiled by tsx (a
// devDependency) while they load; the tests start the relay this way. The npm package's `ownpost`
// command is the compiled dist/ownpost.js (npm run build:relay, relay/build/bundle-relay.mjs).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli.ts');
await main(process.argv.slice(2));
