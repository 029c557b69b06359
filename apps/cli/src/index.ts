// What other workspaces may use of the CLI: the command runner, and its in-process answer path
// (the end-to-end tests compare it with the fleet's).
export { createCli } from './cli.js';
export { knowledgeFrom, localAnswerer, memoryOf, type Correction, type LocalAnswerOptions, type LocalKnowledge, type LocalRequest } from './local-knowledge.js';
