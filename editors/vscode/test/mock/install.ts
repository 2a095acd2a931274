// Makes `require('vscode')` return the mock. Import this first in every test file.
import Module = require('module');
import * as mock from './vscode';

const m = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
const load = m._load;
m._load = function (request: string, parent: unknown, isMain: boolean) {
  if (request === 'vscode') {
    return mock;
  }
  return load.call(this, request, parent, isMain);
};

export { mock };
