export { createServer, type ServerOptions, type TxcatServer } from './server.js';
