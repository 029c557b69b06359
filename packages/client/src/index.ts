export { createClient, type ClientOptions, type TxcatClient } from './client.js';
