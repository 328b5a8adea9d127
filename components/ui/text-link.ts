/** How a link in running text or a table cell looks (teal, underlined on hover). */
export const textLinkClasses =
  'text-teal-800 underline-offset-2 hover:underline dark:text-teal-300';
