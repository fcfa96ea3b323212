import { parsePlainText } from '../plain-text';

/** The page's plain text as paragraphs and lists. React escapes it: markup in the text shows as text. */
export function PlainTextBody({ body }: { body: string }) {
  return (
    <div className="wr-site-text">
      {parsePlainText(body).map((block, i) =>
        block.kind === 'paragraph' ? (
          <p key={i} className="utrecht-paragraph wr-site-text__paragraph">
            {block.text}
          </p>
        ) : (
          <ul key={i} className="utrecht-unordered-list">
            {block.items.map((item, j) => (
              <li key={j} className="utrecht-unordered-list__item">
                {item}
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
