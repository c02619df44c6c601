/** Props of {@link SayText}. */
export interface SayTextProps {
  text: string;
}

/**
 * A step's words as the lesson file writes them: plain text, with `code` in backticks shown
 * as code. Never HTML: a lesson file's text is shown as text, whatever it holds.
 */
export function SayText({ text }: SayTextProps) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 && i < parts.length - 1 ? (
          <code
            key={i}
            className="rounded bg-slate-200 px-1 font-mono text-[0.95em] dark:bg-slate-800"
          >
            {part}
          </code>
        ) : (
          // An unclosed backtick is kept as written.
          <span key={i}>{i % 2 === 1 ? `\`${part}` : part}</span>
        ),
      )}
    </>
  );
}
