import { jestProject } from '../../jest.preset.js';

export default jestProject('messaging', import.meta.dirname);
