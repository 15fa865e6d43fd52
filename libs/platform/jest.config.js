import { jestProject } from '../../jest.preset.js';

export default jestProject('platform', import.meta.dirname);
