import type { ReactNode } from 'react';

/**
 * A plot point as a button inside the SVG: focusable, named with its numbers, pressed when
 * selected; Enter, Space or a click chooses it; hover and focus show its tooltip.
 */
export function PlotPoint(props: {
  id: string;
  label: string;
  selected: boolean;
  describedBy: string | undefined;
  onChoose: () => void;
  onActive: (active: boolean) => void;
  children: ReactNode;
}) {
  const { onChoose, onActive } = props;
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={props.label}
      aria-pressed={props.selected}
      aria-describedby={props.describedBy}
      data-point={props.id}
      className="cursor-pointer outline-none"
      onClick={onChoose}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onChoose();
        }
      }}
      onMouseEnter={() => onActive(true)}
      onMouseLeave={() => onActive(false)}
      onFocus={() => onActive(true)}
      onBlur={() => onActive(false)}
    >
      {props.children}
    </g>
  );
}
