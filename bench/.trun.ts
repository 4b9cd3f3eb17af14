import { runTransportBench } from './collector-transport';
console.log(JSON.stringify(await runTransportBench()));
