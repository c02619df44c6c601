/** Small buttons of the lab's results (as the run library's). */
export { SMALL_BUTTON } from '../../library/styles';
