import { jestProject } from '../../jest.preset.js';

export default jestProject('vacancies', import.meta.dirname);
