import { jestProject } from '../../jest.preset.js';

export default jestProject('testing', import.meta.dirname);
