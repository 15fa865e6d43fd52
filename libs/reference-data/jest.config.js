import { jestProject } from '../../jest.preset.js';

export default jestProject('reference-data', import.meta.dirname);
