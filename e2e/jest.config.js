import { jestProject } from '../jest.preset.js';

export default jestProject('e2e', import.meta.dirname);
