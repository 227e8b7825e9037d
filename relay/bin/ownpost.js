#!/usr/bin/env node
// Node 20 cannot run TypeScript itself: tsx compiles the relay's sources as they load.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli.ts');
await main(process.argv.slice(2));
