import { jestProject } from '../../jest.preset.js';

export default jestProject('contracts', import.meta.dirname);
