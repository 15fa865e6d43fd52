import { jestProject } from '../../jest.preset.js';

export default jestProject('identity', import.meta.dirname);
