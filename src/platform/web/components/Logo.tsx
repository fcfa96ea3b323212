/** The Wijkregie mark: a house on a street grid. Decorative; the name next to it carries the meaning. */
export function Logo() {
  return (
    <svg className="wr-logo" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false">
      <rect width="40" height="40" rx="6" className="wr-logo__tile" />
      <path d="M9 30V17.5L20 9l11 8.5V30h-7.5v-7h-7v7z" className="wr-logo__house" />
    </svg>
  );
}
