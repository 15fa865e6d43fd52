import { jestProject } from '../../jest.preset.js';

export default jestProject('persistence', import.meta.dirname);
