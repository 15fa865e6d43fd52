import { jestProject } from '../../jest.preset.js';

export default jestProject('programmes', import.meta.dirname);
