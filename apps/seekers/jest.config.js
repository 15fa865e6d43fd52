import { jestProject } from '../../jest.preset.js';

export default jestProject('seekers', import.meta.dirname);
