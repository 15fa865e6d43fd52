import { jestProject } from '../../jest.preset.js';

export default jestProject('matching', import.meta.dirname);
