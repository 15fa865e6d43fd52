import { jestProject } from '../../jest.preset.js';

export default jestProject('notifications', import.meta.dirname);
